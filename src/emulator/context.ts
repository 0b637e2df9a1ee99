import type { Company, CompanyStore } from './store/company-store';
import type { JobStore } from './store/job-store';
import type { MessageStore } from './store/message-store';
import type { SendService } from './send/send-service';
import type { FaultSwitch } from './faults/fault-switch';

/** Everything the routes use, handed to createEmulatorApp (so tests can build an app around any store). */
export interface EmulatorDeps {
  companies: CompanyStore;
  messages: MessageStore;
  jobs: JobStore;
  send: SendService;
  faults: FaultSwitch;
  /** Mount POST /__emulator/faults (tests only). */
  faultControl: boolean;
  log: (line: string) => void;
}

export interface EmulatorEnv {
  Variables: {
    deps: EmulatorDeps;
    company: Company;
  };
}
