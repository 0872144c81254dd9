// Types for @point-of-sale/webusb-receipt-printer, which ships none; only what usb-printer-service.ts uses.
declare module '@point-of-sale/webusb-receipt-printer' {
  export interface ConnectedReceiptPrinter {
    readonly type: 'usb';
    readonly vendorId: number;
    readonly productId: number;
    readonly manufacturerName?: string;
    readonly productName?: string;
    readonly serialNumber?: string;
    readonly language: 'esc-pos' | 'star-prnt' | 'star-line' | 'star-graphics';
    readonly codepageMapping: string;
    readonly columns?: number;
  }

  export default class WebUSBReceiptPrinter {
    constructor(options?: { renderer?: unknown; rendererOptions?: Record<string, unknown> });
    /** Opens the browser's device chooser; resolves without a 'connected' event when nothing was opened. */
    connect(): Promise<void>;
    /** Opens a device this origin was allowed before; throws when opening it fails. */
    reconnect(device: { serialNumber?: string; vendorId: number; productId: number }): Promise<void>;
    listen(): Promise<boolean | undefined>;
    disconnect(): Promise<void>;
    print(data: Uint8Array): Promise<void>;
    addEventListener(event: 'connected', listener: (device: ConnectedReceiptPrinter) => void): void;
    addEventListener(event: 'disconnected', listener: () => void): void;
    addEventListener(event: 'data', listener: (data: DataView) => void): void;
  }
}
