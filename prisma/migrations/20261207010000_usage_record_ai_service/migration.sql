-- Third-party AI services (issue #21, part 2): the service a record's tokens went to (reference/ai-services/providers.csv
-- names: openai, anthropic, aws-bedrock, azure-openai, google-vertex, mistral …), its input and output tokens
-- (`tokens` keeps their sum), and the model repository entry the estimate used ("<provider>/<model>@ecologits-<version>").
-- Nullable and added only (no rewrite): compute records have none. See docs/decisions/ai-services.md (AS15).
ALTER TABLE "usage_record" ADD COLUMN "ai_service" TEXT,
ADD COLUMN "input_tokens" DOUBLE PRECISION,
ADD COLUMN "output_tokens" DOUBLE PRECISION,
ADD COLUMN "ai_model_ref" TEXT;

-- Uploads of AI-service usage exports (OpenAI, Anthropic, Bedrock, Azure, Vertex, FOCUS …).
ALTER TYPE "UploadFormat" ADD VALUE 'ai_usage';

-- An organisation's mapping of an LLM name the model repository does not know to a repository model or to "a model
-- of N billion parameters" (name_alias.target "70B", or "13B/47B" for active/total of a mixture of experts).
ALTER TYPE "NameAliasKind" ADD VALUE 'model';
