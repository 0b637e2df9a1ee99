export { useSendTest } from './send-test';
