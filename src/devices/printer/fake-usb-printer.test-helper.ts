/*
 * A USB receipt printer for browser tests, at the WebUSB boundary only: a stand-in for the USBDevice
 * that Chromium's navigator.usb would hand out for an Epson TM-T20III on the counter. Everything above
 * it is real: navigator.usb's events, the @point-of-sale/webusb-receipt-printer driver that opens the
 * device and claims its interface, our printer service and the ESC/POS encoder. The fake keeps every
 * job the driver sends (transferOut) and answers the real-time status requests (DLE EOT n) through its
 * IN endpoint with real USBInTransferResult objects, as the printer would.
 */

/** What of WebUSB the tests reach (TypeScript's DOM library does not describe it). */
interface TestUsb extends EventTarget {
  requestDevice(options: unknown): Promise<unknown>;
  getDevices(): Promise<unknown[]>;
}

interface TransferResultConstructors {
  USBInTransferResult: new (status: 'ok', data?: DataView) => unknown;
  USBOutTransferResult: new (status: 'ok', bytesWritten?: number) => unknown;
}

function webUsb(): TestUsb {
  const usb = (navigator as Navigator & { usb?: TestUsb }).usb;
  if (!usb) throw new Error('This Chromium has no navigator.usb (WebUSB needs a secure context)');
  return usb;
}

const OUT_ENDPOINT = 1;
const IN_ENDPOINT = 2;

export class FakeUsbPrinter {
  readonly vendorId = 0x04b8;
  readonly productId = 0x0e28;
  readonly manufacturerName = 'EPSON';
  readonly productName = 'TM-T20III';
  readonly serialNumber = 'X5E1234567';
  readonly configuration = {
    interfaces: [
      {
        interfaceNumber: 0,
        alternate: { endpoints: [{ endpointNumber: OUT_ENDPOINT, direction: 'out' }, { endpointNumber: IN_ENDPOINT, direction: 'in' }] },
      },
    ],
  };
  /** Print jobs as the printer received them, status requests left out. */
  readonly jobs: Uint8Array[] = [];
  /** The printer's answers to DLE EOT 2 (offline cause) and DLE EOT 4 (paper sensor): all is well. */
  status = { offline: 0x12, paper: 0x12 };
  opened = false;
  forgotten = false;
  #answers: number[] = [];
  #reads: { resolve: (result: unknown) => void; reject: (error: unknown) => void }[] = [];

  async open(): Promise<void> {
    this.opened = true;
  }
  async close(): Promise<void> {
    this.opened = false;
    this.#failReads();
  }
  async selectConfiguration(): Promise<void> {}
  async claimInterface(): Promise<void> {}
  async reset(): Promise<void> {}
  async forget(): Promise<void> {
    this.forgotten = true;
  }

  async transferOut(endpoint: number, data: BufferSource): Promise<unknown> {
    if (!this.opened) throw new DOMException('The device must be opened first.', 'InvalidStateError');
    if (endpoint !== OUT_ENDPOINT) throw new DOMException(`No OUT endpoint ${endpoint}`, 'NotFoundError');
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data.slice(0)) : new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) this.#answer(bytes[2] === 2 ? this.status.offline : this.status.paper);
    else this.jobs.push(bytes);
    const { USBOutTransferResult } = globalThis as unknown as TransferResultConstructors;
    return new USBOutTransferResult('ok', bytes.length);
  }

  transferIn(endpoint: number): Promise<unknown> {
    if (endpoint !== IN_ENDPOINT) return Promise.reject(new DOMException(`No IN endpoint ${endpoint}`, 'NotFoundError'));
    return new Promise((resolve, reject) => {
      this.#reads.push({ resolve, reject });
      this.#deliver();
    });
  }

  /** Everything the printer was sent, as one stream (the driver may split nothing, but a test should not care). */
  allBytes(): Uint8Array {
    const total = this.jobs.reduce((sum, job) => sum + job.length, 0);
    const all = new Uint8Array(total);
    let at = 0;
    for (const job of this.jobs) {
      all.set(job, at);
      at += job.length;
    }
    return all;
  }

  #answer(byte: number): void {
    this.#answers.push(byte);
    this.#deliver();
  }

  #deliver(): void {
    const { USBInTransferResult } = globalThis as unknown as TransferResultConstructors;
    while (this.#answers.length > 0 && this.#reads.length > 0) {
      const byte = this.#answers.shift() ?? 0;
      this.#reads.shift()?.resolve(new USBInTransferResult('ok', new DataView(Uint8Array.of(byte).buffer)));
    }
  }

  #failReads(): void {
    for (const read of this.#reads.splice(0)) read.reject(new DOMException('The device was disconnected.', 'NetworkError'));
  }

  /** Unplugs the cable: pending reads fail and navigator.usb fires 'disconnect' with this device. */
  unplug(usb: FakeUsb): void {
    this.opened = false;
    this.#failReads();
    usb.plugged = usb.plugged.filter((device) => device !== this);
    webUsb().dispatchEvent(Object.assign(new Event('disconnect'), { device: this }));
  }

  /** Plugs the cable back in: navigator.usb lists the device again and fires 'connect'. */
  plugIn(usb: FakeUsb): void {
    usb.plugged = [...usb.plugged, this];
    webUsb().dispatchEvent(Object.assign(new Event('connect'), { device: this }));
  }
}

/**
 * The browser's side of WebUSB for a test: what the chooser would pick (requestDevice) and which
 * devices this origin was allowed before and are plugged in (getDevices). Restore it after the test.
 */
export interface FakeUsb {
  /** What the chooser picks; undefined: the manager closed it (the browser throws NotFoundError). */
  chooserPicks: FakeUsbPrinter | undefined;
  plugged: FakeUsbPrinter[];
  /** How often the page asked for the devices it may open without a chooser. */
  getDevicesCalls: number;
  restore(): void;
}

export function installFakeUsb(): FakeUsb {
  const usb = webUsb();
  const fake: FakeUsb = {
    chooserPicks: undefined,
    plugged: [],
    getDevicesCalls: 0,
    restore: () => {
      // The own properties shadow WebUSB's methods on the prototype; deleting them brings those back.
      Reflect.deleteProperty(usb, 'requestDevice');
      Reflect.deleteProperty(usb, 'getDevices');
    },
  };
  Object.defineProperty(usb, 'requestDevice', {
    configurable: true,
    value: async () => {
      const picked = fake.chooserPicks;
      if (!picked) throw new DOMException('No device selected.', 'NotFoundError');
      if (!fake.plugged.includes(picked)) fake.plugged.push(picked);
      return picked;
    },
  });
  Object.defineProperty(usb, 'getDevices', {
    configurable: true,
    value: async () => {
      fake.getDevicesCalls += 1;
      return fake.plugged.filter((device) => !device.forgotten);
    },
  });
  return fake;
}
