/**
 * Constants of the EcoLogits 0.9.1 LLM inference model (GenAI Impact, MPL-2.0; upstream `ecologits/impacts/llm.py`
 * at commit 2d0a1c76358a1aad0c530d47794e37465ad029e8), transcribed with their units in reference/ecologits/constants.csv.
 * Origins (docs/METHODOLOGY.md "AI services"): the energy and latency fits are regressions on the ML.ENERGY
 * leaderboard (vLLM on H100 80GB); server power and embodied figures from BoaviztAPI (AWS p5.48xlarge); GPU embodied
 * GWP from NVIDIA's HGX H100 product carbon footprint summary; memory overhead from EleutherAI "Transformer Math 101".
 */
export const ECOLOGITS_VERSION = '0.9.1';

export const ECOLOGITS_CONSTANTS = {
  /** Bits per weight used to size GPU memory (models assumed served in 16-bit). */
  modelQuantizationBits: 16,
  /** f_E = α·exp(β·B)·P_active + γ, Wh per output token on one GPU (P_active in billions). */
  gpuEnergyAlpha: 1.1665273170451914e-6,
  gpuEnergyBeta: -0.011205921025579175,
  gpuEnergyGamma: 4.052928146734005e-5,
  /** f_L = α·P_active + β·B + γ, seconds per output token. */
  latencyAlpha: 0.0006785088094353663,
  latencyBeta: 0.0003119310311688259,
  latencyGamma: 0.019473717579473387,
  /** Concurrent requests per server (B). */
  batchSize: 64,
  /** GB of memory of one GPU (H100 80GB). */
  gpuMemoryGb: 80,
  /** Multiplier on weight memory. */
  memoryOverhead: 1.2,
  /** GPUs per server (p5.48xlarge). */
  serverGpus: 8,
  /** kW of the server without its GPUs. */
  serverPowerKw: 1.2,
  /** Embodied impacts of the server without GPUs: kgCO2e, kgSbeq, MJ. */
  serverEmbodiedGwpKg: 5700,
  serverEmbodiedAdpeKgSb: 0.37,
  serverEmbodiedPeMj: 70000,
  /** Embodied impacts of one GPU (ADPe and PE are A100 values reused upstream). */
  gpuEmbodiedGwpKg: 164,
  gpuEmbodiedAdpeKgSb: 0.0051,
  gpuEmbodiedPeMj: 1828,
  /** Hardware lifetime in seconds: 3 years of 365 days. */
  hardwareLifespanS: 94_608_000,
} as const;
