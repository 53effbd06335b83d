// The citizen form's responses, as intake needs them.
import type { RawAnswers } from '../core/intake/normalize-submission';

export interface FormSubmission {
  readonly responseId: string;
  /** The form's own timestamp: the legal instant of receipt. */
  readonly receivedAt: number;
  readonly answers: RawAnswers;
  /** Field codes whose question is missing from the form. */
  readonly missingQuestions: readonly string[];
}

/** A response known by id and time; its answers are read only when needed. */
export interface FormResponseRef {
  readonly responseId: string;
  readonly receivedAt: number;
  read(): FormSubmission;
}

export interface FormSource {
  /** Responses submitted after `sinceMs` (all when null), oldest first. */
  responsesSince(sinceMs: number | null): FormResponseRef[];
}
