-- Frame scores move out of the row into the content-addressed store under DATA_DIR
-- (see schema.prisma). No frame scores had been written before this release.
ALTER TABLE "Analysis" DROP COLUMN "frameScores",
ADD COLUMN     "frameScoresHash" TEXT;
