import { USAGE_RECORD_CSV_COLUMNS } from '@/lib/schemas/usage-record';

/**
 * Downloadable generic template v1.1 (v1 plus the optional instance columns): the header only (column meanings in
 * docs/CSV_FORMAT.md).
 */
export const GENERIC_TEMPLATE_CSV = `${Object.keys(USAGE_RECORD_CSV_COLUMNS).join(',')}\n`;

/**
 * Header + five realistic rows, one per typical case. Values are illustrative, not measurements:
 * 64 A100 × 168 h = 10 752 device-hours; 8 H100 × 12 h = 96; 4 A100 × 744 h (March) = 2 976. The instance columns
 * (v1.1) stay empty here so the example keeps its five v1 records; docs/CSV_FORMAT.md has an instance row.
 */
export const GENERIC_EXAMPLE_CSV = [
  GENERIC_TEMPLATE_CSV.trimEnd(),
  // Pre-training on AWS: device-hours and nominal power; energy to be estimated.
  'llm7b-pretrain-2025w10,training,2025-03-01T00:00:00Z,2025-03-08T00:00:00Z,ml-platform,llm-7b,llm-7b-v1,aws,us-east-1,,,,NVIDIA A100-SXM4-80GB,64,10752,400,0.85,,,,,,,,35000,',
  // Fine-tuning on GCP with H100s.
  'llm7b-sft-2025-03-10,fine_tuning,2025-03-10T08:00:00Z,2025-03-10T20:00:00Z,applied-ml,support-bot,llm-7b-chat-v2,gcp,europe-west4,,,,NVIDIA H100 80GB HBM3,8,96,700,0.7,,,,,,,,1180,',
  // Serving in Azure West Europe: functional units (requests, tokens) for per-request intensity.
  'chat-serving-2025-03,inference,2025-03-01T00:00:00Z,2025-04-01T00:00:00Z,applied-ml,support-bot,llm-7b-chat-v2,azure,westeurope,,,,NVIDIA A100 80GB PCIe,4,2976,300,0.45,,1200000,850000000,,,,,9200,',
  // On-premises cluster with metered IT energy and the site's PUE, grid intensity and WUE.
  'onprem-eval-2025-03,evaluation,2025-03-15,2025-03-16,research,llm-7b,llm-7b-v1,on_prem,FR,,,,NVIDIA V100-SXM2-32GB,16,384,,,1250.5,,,,1.4,56,1.8,,"Metered at the PDU, IT energy only"',
  // Edge devices: measured energy per request, no accelerator-hours.
  'edge-kiosk-2025-03,inference,2025-03-01,2025-04-01,devices,kiosk-vision,yolo-v8n,edge,DE,,,,NVIDIA Jetson Orin Nano,,,,,,500000,,0.35,,,,,"Fleet average from 20 kiosks, firmware 5.1"',
]
  .join('\n')
  .concat('\n');
