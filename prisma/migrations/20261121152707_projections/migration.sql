-- CreateTable
CREATE TABLE "Projection" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "modelId" UUID NOT NULL,
    "selection" JSONB NOT NULL,
    "parameters" JSONB NOT NULL,
    "inputHash" TEXT,
    "dims" INTEGER,
    "pointCount" INTEGER NOT NULL DEFAULT 0,
    "missingCount" INTEGER NOT NULL DEFAULT 0,
    "jobId" UUID,
    "timings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Projection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectionPoint" (
    "projectionId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "recordingId" UUID NOT NULL,
    "regionId" UUID,
    "startSeconds" DOUBLE PRECISION,
    "endSeconds" DOUBLE PRECISION,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "modelEmotion" TEXT,
    "modelConfidence" DOUBLE PRECISION,
    "placed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ProjectionPoint_pkey" PRIMARY KEY ("projectionId","index")
);

-- CreateTable
CREATE TABLE "ProjectionClustering" (
    "id" UUID NOT NULL,
    "projectionId" UUID NOT NULL,
    "algorithm" TEXT NOT NULL,
    "parameters" JSONB NOT NULL,
    "jobId" UUID,
    "labels" BYTEA,
    "summary" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProjectionClustering_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProjectionPoint_recordingId_idx" ON "ProjectionPoint"("recordingId");

-- CreateIndex
CREATE INDEX "ProjectionClustering_projectionId_idx" ON "ProjectionClustering"("projectionId");

-- AddForeignKey
ALTER TABLE "Projection" ADD CONSTRAINT "Projection_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectionPoint" ADD CONSTRAINT "ProjectionPoint_projectionId_fkey" FOREIGN KEY ("projectionId") REFERENCES "Projection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectionPoint" ADD CONSTRAINT "ProjectionPoint_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectionClustering" ADD CONSTRAINT "ProjectionClustering_projectionId_fkey" FOREIGN KEY ("projectionId") REFERENCES "Projection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
