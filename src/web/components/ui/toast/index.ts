export { Toaster } from './toaster';
export { createToastStore, toastStore, type Toast, type ToastStore, type ToastTone } from './toast-store';
