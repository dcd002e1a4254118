/**
 * A Worker over the real engine handler (engineWorker.ts) in this thread: every message is
 * structured-cloned both ways (what a real worker's postMessage does, so an uncloneable value
 * fails here as it would there) and delivered in a later task. It records what it was sent.
 */
import { deserialize, serialize } from "v8";
import { engineHandler } from "../../../src/taskpane/worker/engineWorker";
import type { EngineReply, EngineRequest } from "../../../src/taskpane/worker/protocol";

/** The structured clone (jsdom's test environment has no structuredClone: V8's serializer is the same algorithm). */
const clone = <T>(value: T): T => (typeof structuredClone === "function" ? structuredClone(value) : (deserialize(serialize(value)) as T));

export class FakeEngineWorker {
  onmessage: ((e: MessageEvent<EngineReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  isTerminated = false;
  readonly sent: EngineRequest[] = [];
  readonly replies: EngineReply[] = [];
  private readonly handle = engineHandler((reply) => {
    const copy = clone(reply);
    this.replies.push(clone(reply));
    setTimeout(() => {
      if (!this.isTerminated) this.onmessage?.({ data: copy } as MessageEvent<EngineReply>);
    }, 0);
  });

  /**
   * `failsToLoad`: the error event a worker whose script did not load fires, before any reply.
   * `isBusy`: a worker still computing (it takes the messages and never answers), to cancel.
   */
  constructor(private readonly failsToLoad = false, private readonly isBusy = false) {}

  postMessage(request: EngineRequest): void {
    const copy = clone(request);
    this.sent.push(copy);
    setTimeout(() => {
      if (this.isTerminated || this.isBusy) return;
      if (this.failsToLoad) this.onerror?.({ message: "engineWorker.js: 404", preventDefault: () => undefined } as unknown as ErrorEvent);
      else this.handle(copy);
    }, 0);
  }

  terminate(): void {
    this.isTerminated = true;
  }

  /** As the Worker the page's code takes. */
  asWorker(): Worker {
    return this as unknown as Worker;
  }
}
