import { AppError } from "../domain/app-error";

/** Thrown when the input to a neighbour search or projection is malformed (a caller's bug or a bad selection, not a failure of the search). */
export class ProjectionInputError extends AppError {
  override readonly name = "ProjectionInputError";
  readonly code = "PROJECTION_INPUT";
}
