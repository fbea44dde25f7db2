/**
 * Peak dense 16-bit tensor throughput (BF16, or FP16 where the device has no BF16), TFLOPS per device, from the
 * vendor datasheets (values quoted "with sparsity" are halved). Keyed by the accelerator catalog id
 * (reference/accelerators/accelerators.csv); attribution in reference/accelerators/SOURCES.md. Used as the
 * "unit of work" proxy for hardware swaps: energy per unit of work ∝ power / throughput.
 */
export const ACCELERATOR_THROUGHPUT_TFLOPS: Readonly<Record<string, { tflops: number; source: string }>> = {
  'nvidia-h100-sxm': { tflops: 989, source: 'NVIDIA H100 datasheet: BF16 1,979 TFLOPS with sparsity' },
  'nvidia-h100-nvl': { tflops: 835, source: 'NVIDIA H100 datasheet (NVL): BF16 1,671 TFLOPS with sparsity' },
  'nvidia-h100-pcie': {
    tflops: 756,
    source: 'NVIDIA H100 datasheet (PCIe, 2022 edition): BF16 1,513 TFLOPS with sparsity',
  },
  'nvidia-h200-sxm': { tflops: 989, source: 'NVIDIA H200 datasheet: BF16 1,979 TFLOPS with sparsity' },
  'nvidia-h200-nvl': { tflops: 835, source: 'NVIDIA H200 datasheet (NVL): BF16 1,671 TFLOPS with sparsity' },
  'nvidia-b200': {
    tflops: 2250,
    source: 'NVIDIA HGX B200 datasheet: FP16/BF16 36 PFLOPS per 8 GPUs with sparsity',
  },
  'nvidia-a100-sxm4': { tflops: 312, source: 'NVIDIA A100 datasheet: BF16 tensor 312 TFLOPS (dense)' },
  'nvidia-a100-sxm4-40gb': { tflops: 312, source: 'NVIDIA A100 datasheet: BF16 tensor 312 TFLOPS (dense)' },
  'nvidia-a100-pcie-40gb': { tflops: 312, source: 'NVIDIA A100 datasheet: BF16 tensor 312 TFLOPS (dense)' },
  'nvidia-a100-pcie-80gb': { tflops: 312, source: 'NVIDIA A100 datasheet: BF16 tensor 312 TFLOPS (dense)' },
  'nvidia-v100': { tflops: 125, source: 'NVIDIA V100 datasheet (SXM2): FP16 tensor 125 TFLOPS' },
  'nvidia-v100-sxm2-16gb': { tflops: 125, source: 'NVIDIA V100 datasheet (SXM2): FP16 tensor 125 TFLOPS' },
  'nvidia-t4': { tflops: 65, source: 'NVIDIA T4 datasheet: mixed-precision FP16 tensor 65 TFLOPS' },
  'nvidia-l4': { tflops: 121, source: 'NVIDIA L4 datasheet: BF16 tensor 242 TFLOPS with sparsity' },
  'nvidia-l40s': { tflops: 362, source: 'NVIDIA L40S datasheet: BF16 tensor 362 TFLOPS (733 with sparsity)' },
  'amd-mi300x': { tflops: 1307, source: 'AMD Instinct MI300X datasheet: BF16 1,307.4 TFLOPS (dense)' },
  'google-tpu-v2': {
    tflops: 45,
    source: 'Google Cloud TPU system architecture: TPU v2 45 TFLOPS (bf16) per chip',
  },
  'google-tpu-v3': {
    tflops: 123,
    source: 'Google Cloud TPU system architecture: TPU v3 123 TFLOPS (bf16) per chip',
  },
  'google-tpu-v4': {
    tflops: 275,
    source: 'Google Cloud TPU system architecture: TPU v4 275 TFLOPS (bf16) per chip',
  },
};
