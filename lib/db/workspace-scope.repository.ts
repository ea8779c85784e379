import type { PrismaClient } from "./generated/client";

/** The workspace a resource belongs to, through its corpus; null when the resource does not exist. */

export async function workspaceOfCorpus(prisma: PrismaClient, corpusId: string): Promise<string | null> {
  return (await prisma.corpus.findUnique({ where: { id: corpusId }, select: { workspaceId: true } }))?.workspaceId ?? null;
}

export async function workspaceOfRecording(prisma: PrismaClient, recordingId: string): Promise<string | null> {
  return (await prisma.recording.findUnique({ where: { id: recordingId }, select: { corpus: { select: { workspaceId: true } } } }))?.corpus.workspaceId ?? null;
}

export async function workspaceOfPatient(prisma: PrismaClient, patientId: string): Promise<string | null> {
  return (await prisma.patient.findUnique({ where: { id: patientId }, select: { corpus: { select: { workspaceId: true } } } }))?.corpus.workspaceId ?? null;
}

export async function workspaceOfCohort(prisma: PrismaClient, cohortId: string): Promise<string | null> {
  return (await prisma.cohort.findUnique({ where: { id: cohortId }, select: { corpus: { select: { workspaceId: true } } } }))?.corpus.workspaceId ?? null;
}
