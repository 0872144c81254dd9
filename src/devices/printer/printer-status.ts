/*
 * What an ESC/POS printer says about itself when asked with DLE EOT n (real-time status, answered even
 * while the printer is offline), turned into what a cashier can act on. Bits per Epson's ESC/POS
 * reference; every status byte has bit 1 and 4 set and bits 0 and 7 clear, which tells a status answer
 * from stray data.
 */
export const ASK_OFFLINE_CAUSE = Uint8Array.of(0x10, 0x04, 0x02);
export const ASK_PAPER_SENSOR = Uint8Array.of(0x10, 0x04, 0x04);

export type PrinterCondition = 'ready' | 'paperNearEnd' | 'paperOut' | 'coverOpen' | 'printerError';

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** The condition from the answers to ASK_OFFLINE_CAUSE and ASK_PAPER_SENSOR (undefined: no answer). */
export function printerCondition(offlineCause: number | undefined, paperSensor: number | undefined): PrinterCondition {
  if (offlineCause !== undefined && isStatusByte(offlineCause)) {
    if (offlineCause & 0x04) return 'coverOpen';
    if (offlineCause & 0x20) return 'paperOut';
    if (offlineCause & 0x40) return 'printerError';
  }
  if (paperSensor !== undefined && isStatusByte(paperSensor)) {
    if (paperSensor & 0x60) return 'paperOut';
    if (paperSensor & 0x0c) return 'paperNearEnd';
  }
  return 'ready';
}
