import { MutationObserver, type MutateOptions, type MutationObserverResult } from '@tanstack/query-core';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { describeWriteError } from '../db/storage-errors';
import { useQueryClient } from './query-client-context';

export type MutationState<TInput, TResult> = Omit<MutationObserverResult<TResult, Error, TInput>, 'mutate'> & {
  /** Starts the write; its failure shows up in `error` and `errorMessage` (the call itself never rejects). */
  mutate: (input: TInput, options?: MutateOptions<TResult, Error, TInput>) => void;
  /** The last failure in one sentence for the user (describeWriteError); empty when there is none. */
  errorMessage: string;
};

/**
 * A write with its pending/error state, through query-core so every component handles writes
 * alike: `action` names what the write does ("save the tags") for the failure's sentence.
 */
export function useMutation<TInput, TResult>(action: string, write: (input: TInput) => Promise<TResult>): MutationState<TInput, TResult> {
  const client = useQueryClient();
  const observer = useMemo(() => new MutationObserver<TResult, Error, TInput>(client, { mutationFn: write }), [client]);
  const [result, setResult] = useState(() => observer.getCurrentResult());
  useEffect(() => {
    observer.setOptions({ mutationFn: write });
  });
  useEffect(() => observer.subscribe(setResult), [observer]);
  const mutate = useCallback(
    (input: TInput, options?: MutateOptions<TResult, Error, TInput>) => {
      observer.mutate(input, options).catch(() => undefined);
    },
    [observer],
  );
  return { ...result, mutate, errorMessage: result.error ? describeWriteError(action, result.error) : '' };
}
