-- Frame scores move out of the row into DATA_DIR's content-addressed store
-- (see schema.prisma); no frame scores had been written before this release.
ALTER TABLE "Analysis" DROP COLUMN "frameScores",
ADD COLUMN     "frameScoresHash" TEXT;
