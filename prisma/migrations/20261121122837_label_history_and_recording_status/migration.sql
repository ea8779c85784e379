-- AlterTable
ALTER TABLE "Recording" ADD COLUMN     "humanEmotion" TEXT,
ADD COLUMN     "labelStatus" TEXT NOT NULL DEFAULT 'unlabelled',
ADD COLUMN     "modelConfidence" DOUBLE PRECISION,
ADD COLUMN     "modelEmotion" TEXT,
ADD COLUMN     "note" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "LabelEdit" (
    "id" UUID NOT NULL,
    "recordingId" UUID NOT NULL,
    "regionId" UUID,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "source" "LabelSource" NOT NULL,
    "authorId" UUID,
    "before" JSONB,
    "after" JSONB,
    "state" TEXT NOT NULL DEFAULT 'done',
    "undoneAt" TIMESTAMP(3),
    "undoneById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabelEdit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LabelEdit_recordingId_regionId_idx" ON "LabelEdit"("recordingId", "regionId");

-- CreateIndex
CREATE UNIQUE INDEX "LabelEdit_recordingId_version_key" ON "LabelEdit"("recordingId", "version");

-- CreateIndex
CREATE INDEX "Recording_corpusId_labelStatus_idx" ON "Recording"("corpusId", "labelStatus");

-- AddForeignKey
ALTER TABLE "LabelEdit" ADD CONSTRAINT "LabelEdit_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelEdit" ADD CONSTRAINT "LabelEdit_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelEdit" ADD CONSTRAINT "LabelEdit_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
