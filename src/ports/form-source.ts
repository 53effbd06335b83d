// The citizen form's responses, as intake and the sweep need them.

export interface FormSubmission {
  /** Idempotency key: the response's timestamp and a hash of its answers. */
  readonly key: string;
  /** The form's own timestamp: the legal instant of receipt. */
  readonly receivedAt: number;
  /** Every answer in one string (`FormResponse.toPrefilledUrl()`), read with the setup's entry map. */
  readonly prefilledUrl: string;
}

/** A response whose timestamp and answers are read only when needed (each is a call). */
export interface FormResponseRef {
  timestamp(): number;
  read(): FormSubmission;
}

export interface FormSource {
  /** Responses submitted after `sinceMs` (all when null). Their number costs no extra call. */
  responsesSince(sinceMs: number | null): FormResponseRef[];
  /** The response with this idempotency key, received at `receivedAt` (restoring a lost row). */
  findByKey(key: string, receivedAt: number): FormSubmission | null;
}
