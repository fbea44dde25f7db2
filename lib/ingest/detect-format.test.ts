import { expect, test } from 'vitest';
import { detectFormat } from './detect-format';

test.each([
  ['timestamp,project_name,duration,emissions,energy_consumed', 'codecarbon'],
  ['task_name,timestamp,duration,emissions,energy_consumed', 'codecarbon-task'],
  ['timestamp,index,name,power.draw [W]', 'nvidia-smi'],
  ['timestamp,uuid,power.draw', 'nvidia-smi'],
  ['name,power.draw [W],timestamp', 'nvidia-smi'],
  ['phase,started_at,ended_at', 'generic'],
  ['phase,started_at,ended_at,extra_a,extra_b', 'generic'],
  ['phase,foo,bar,baz', 'unknown'],
  ['Job,Start,End', 'unknown'],
  // AI-service exports are recognised (and refused by the upload until it imports them, issue #21).
  ['start_time,end_time,project_id,num_model_requests,model,input_tokens,output_tokens', 'ai-usage'],
  ['timestamp,namespace,metric_name,dimension_ModelId,statistic,period_s,value,unit', 'ai-usage'],
  ['BillingAccountId,ChargePeriodStart,ChargePeriodEnd,ServiceCategory,ConsumedQuantity', 'ai-usage'],
])('%s → %s', (header, expected) => {
  expect(detectFormat(header.split(','))).toBe(expected);
});
