// The counter's on-screen keypad in real Chromium: at payment it stands beside the pay panel and types the cash
// the customer handed over; the quick amounts offer the exact amount and the next amounts the dong notes make;
// a physical keyboard types into the same field; a wedge scanner's burst while the cash field has the focus
// rings its product up and leaves the typed cash as it was; the same keypad types the amount charged on a card
// and the cart discount; on a line, one keypad types the quantity, then the discount.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { page, userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEan13 } from '../../domain/gtin.ts';
import { useCounterStore } from './counter-store.ts';
import { resetProductGrid } from './product-grid-store.ts';
import { openCounterOnTill, scan, shelfProduct } from './counter.test-helper.tsx';
import { tearDownTill, type Till } from './till.test-helper.tsx';

let till: Till | undefined;

beforeEach(async () => {
  await page.viewport(1280, 800);
});

afterEach(async () => {
  cleanup();
  resetProductGrid();
  await tearDownTill(till);
  till = undefined;
});

const riceCode = makeEan13('893456700011');
const milkCode = makeEan13('893456700012');
const rice = shelfProduct(1, { name: 'Gạo ST25 túi 5kg', sku: 'GAO-1', barcode: riceCode, price: 137_000, taxClassId: 'vat5' });
const milk = shelfProduct(2, { name: 'Sữa tươi Vinamilk 1L', sku: 'SUA-2', barcode: milkCode, price: 35_000, taxClassId: 'vat8' });

async function openCounter(): Promise<Till> {
  return openCounterOnTill({ shelf: [rice, milk] });
}

const keypad = () => screen.getByTestId('keypad');
const tap = (...keys: string[]) => {
  for (const key of keys) fireEvent.click(within(keypad()).getByTestId(`keypad-key-${key}`));
};
const tenders = () => useCounterStore.getState().tenders.map((tender) => [tender.method, tender.amount]);
const cashField = () => screen.getByTestId('cash-amount') as HTMLInputElement;

async function payFor(code: string): Promise<void> {
  await scan(code);
  await waitFor(() => expect(screen.getAllByTestId('cart-line')).toHaveLength(1));
  fireEvent.click(screen.getByTestId('cart-pay'));
  await screen.findByTestId('pay-panel');
  await screen.findByTestId('cash-amount');
}

describe('the keypad at payment', () => {
  it('stands beside the pay panel only while a field takes it, and types the cash given: 2, 000, 00 then Enter', async () => {
    till = await openCounter();
    expect(screen.queryByTestId('keypad')).toBeNull();
    await payFor(riceCode);
    expect(keypad()).toHaveAccessibleName('Khách đưa');
    tap('2', '000', '00');
    expect(cashField().value).toBe('200000');
    tap('backspace', '0');
    expect(cashField().value).toBe('200000');
    tap('enter');
    await waitFor(() => expect(tenders()).toEqual([['cash', 200_000]]));
    expect(Number(screen.getByTestId('pay-remaining').dataset.amount)).toBe(0);
    expect(screen.getByTestId('pay-remaining')).toHaveTextContent('63.000');
    fireEvent.click(screen.getByTestId('pay-complete'));
    await waitFor(() => expect(screen.queryByTestId('pay-panel')).toBeNull());
    expect(screen.queryByTestId('keypad')).toBeNull();
  });

  it('offers the exact amount first, then what the dong notes make of 137,000: 140,000, 150,000, 200,000, 500,000', async () => {
    till = await openCounter();
    await payFor(riceCode);
    const quick = screen.getAllByTestId('cash-quick');
    expect(quick.map((button) => Number(button.dataset.amount))).toEqual([137_000, 140_000, 150_000, 200_000, 500_000]);
    expect(quick[0]).toHaveAttribute('data-exact', 'true');
    expect(quick[0]).toHaveTextContent('Đủ tiền');
    fireEvent.click(quick[2]!);
    await waitFor(() => expect(tenders()).toEqual([['cash', 150_000]]));
    expect(screen.getByTestId('pay-remaining')).toHaveTextContent('13.000');
  });

  it('the exact amount pays it all with no change', async () => {
    till = await openCounter();
    await payFor(riceCode);
    fireEvent.click(screen.getAllByTestId('cash-quick').find((button) => button.dataset.exact === 'true')!);
    await waitFor(() => expect(tenders()).toEqual([['cash', 137_000]]));
    expect(screen.getByTestId('pay-complete')).toBeEnabled();
  });

  it('a physical keyboard types into the same field as the keypad, and Enter adds it', async () => {
    till = await openCounter();
    await payFor(riceCode);
    await userEvent.click(cashField());
    await userEvent.keyboard('15');
    tap('0', '000');
    expect(cashField().value).toBe('150000');
    expect(document.activeElement).toBe(cashField());
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(tenders()).toEqual([['cash', 150_000]]));
  });

  it("a scan while the cash field has the focus rings the product up and leaves the typed cash alone: the keypad never gets the scanner's digits", async () => {
    till = await openCounter();
    await payFor(riceCode);
    cashField().focus();
    tap('5', '000');
    await scan(milkCode);
    await waitFor(() => expect(screen.getAllByTestId('cart-line').map((line) => line.dataset.sku)).toEqual(['GAO-1', 'SUA-2']));
    expect(cashField().value).toBe('5000');
    expect(screen.getByTestId('pay-due').dataset.amount).toBe(String(137_000 + 35_000));
  });
});

describe('the keypad for a card and the cart discount', () => {
  it('types the amount charged on the card: it starts at what is due, C clears it, the keys and a physical keyboard type the part paid by card', async () => {
    till = await openCounter();
    await payFor(riceCode);
    fireEvent.click(screen.getByTestId('method-card'));
    const amount = (await screen.findByTestId('card-amount')) as HTMLInputElement;
    await waitFor(() => expect(keypad()).toHaveAccessibleName('Số tiền quẹt thẻ'));
    expect(amount.value).toBe('137.000');
    tap('clear', '1', '00', '000');
    expect(amount.value).toBe('100000');
    fireEvent.change(screen.getByTestId('card-reference'), { target: { value: 'TX-4411' } });
    tap('enter');
    await waitFor(() => expect(tenders()).toEqual([['card', 100_000]]));
    expect(screen.getByTestId('pay-remaining')).toHaveTextContent('37.000');

    await userEvent.click(screen.getByTestId('method-card'));
    const again = (await screen.findByTestId('card-amount')) as HTMLInputElement;
    await userEvent.click(again);
    await userEvent.keyboard('30');
    tap('000');
    expect(again.value).toBe('30000');
    tap('enter');
    await waitFor(() => expect(tenders()).toEqual([['card', 100_000], ['card', 30_000]]));
  });

  it('types the cart discount once its field is tapped (a percent takes its decimal key), applied by Enter; a physical keyboard types it too', async () => {
    till = await openCounter();
    await scan(riceCode);
    await waitFor(() => expect(screen.getAllByTestId('cart-line')).toHaveLength(1));
    expect(screen.queryByTestId('keypad')).toBeNull();
    const discount = screen.getByTestId('cart-discount') as HTMLInputElement;
    await userEvent.click(discount);
    await waitFor(() => expect(keypad()).toHaveAccessibleName('Giảm giá cả đơn'));
    expect(within(keypad()).getByTestId('keypad-key-decimal')).toBeTruthy();
    tap('1', '0', 'enter');
    await waitFor(() => expect(Number(screen.getByTestId('cart-total').dataset.amount)).toBe(137_000 - 13_700));
    expect(discount.value).toBe('');
    await waitFor(() => expect(screen.queryByTestId('keypad')).toBeNull());

    await userEvent.click(discount);
    await userEvent.keyboard('7');
    tap('decimal', '5');
    expect(discount.value).toBe('7,5');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(Number(screen.getByTestId('cart-total').dataset.amount)).toBe(137_000 - 10_275));
  });
});

describe('the keypad on a line', () => {
  it('types the quantity, then the discount of the field tapped, each applied by its Enter', async () => {
    till = await openCounter();
    await scan(milkCode);
    await waitFor(() => expect(screen.getAllByTestId('cart-line')).toHaveLength(1));
    fireEvent.click(within(screen.getByTestId('cart-line')).getByRole('button'));
    const editor = await screen.findByTestId('line-editor');
    const lineKeypad = within(editor).getByTestId('line-keypad');
    expect(lineKeypad).toHaveAccessibleName('Số lượng');
    for (const key of ['clear', '3', 'enter']) fireEvent.click(within(lineKeypad).getByTestId(`line-keypad-key-${key}`));
    await waitFor(() => expect(screen.getByTestId('cart-line').dataset.qty).toBe('3000'));

    act(() => within(editor).getByTestId('line-discount').focus());
    expect(lineKeypad).toHaveAccessibleName('Giảm giá dòng');
    for (const key of ['1', '0', 'enter']) fireEvent.click(within(lineKeypad).getByTestId(`line-keypad-key-${key}`));
    await waitFor(() => expect(screen.getByTestId('cart-line').dataset.total).toBe(String(3 * 35_000 - 10_500)));
  });
});
