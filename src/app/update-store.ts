/*
 * Whether a new version of the app is installed and waiting. Set by the service-worker registration,
 * read by the update prompt. `applyUpdate` activates the waiting worker and reloads once it controls the page.
 */
import { create } from 'zustand';

interface UpdateState {
  updateAvailable: boolean;
  applyUpdate: () => void;
  offerUpdate: (applyUpdate: () => void) => void;
}

export const useUpdateStore = create<UpdateState>()((set) => ({
  updateAvailable: false,
  applyUpdate: () => undefined,
  offerUpdate: (applyUpdate) => set({ updateAvailable: true, applyUpdate }),
}));
