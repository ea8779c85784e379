-- AlterTable
ALTER TABLE "Analysis" ADD COLUMN     "frameEmbeddings" BYTEA;

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "checkpoint" JSONB;
