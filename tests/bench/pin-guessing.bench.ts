/*
 * How fast someone holding a tablet's data can try PINs offline (issue 12, finding 4), and what the trying
 * gets them now that a tablet keeps only a 12-bit check of each PIN (src/domain/approval-proof.ts):
 *   pin_offline_guesses_per_s     PBKDF2-SHA256 at the server's iteration count, every core busy (WebCrypto in
 *                                 Node, as fast as or faster than a browser on the same machine)
 *   pin_4digit_search_s / pin_6digit_search_s   the time to try every 4- and 6-digit PIN at that rate
 *   pin_4digit_candidates_left    4-digit PINs passing one person's check, counted over all 10,000 (at 1,000
 *                                 iterations: the count does not depend on the iteration count); with the full
 *                                 hash on the tablet, as before, it was 1: the PIN itself
 *   pin_6digit_candidates_left    the same for 6 digits, computed: a check is one of 4,096 values, so about
 *                                 10^6 / 4,096 (a figure from the definition, not a timing; the 4-digit count
 *                                 above is the measured proof that checks spread as expected)
 * And the same for pickup codes of online orders (issue 15), which a tablet keeps as a full salted hash
 * (src/domain/pickup-code.ts: it must tell the right code from a wrong one offline):
 *   pickup_code_guesses_per_s     PBKDF2-SHA256 at PICKUP_CODE_ITERATIONS against one order's hash, every core busy
 *   pickup_code_ms_per_guess      one guess on one core (what a customer's code costs the tablet to check)
 *   pickup_code_6digit_search_s   every 6-digit code of ONE order at that rate (each order has its own salt,
 *                                 so the work is done again for each order)
 */
import { availableParallelism } from 'node:os';
import { pinCheckOf, pinHash } from '../../src/domain/approval-proof.ts';
import { PIN_ITERATIONS } from '../../sync-server/src/auth/staff-pins.ts';
import { hashPickupCodeWith, PICKUP_CODE_ITERATIONS, verifyPickupCode } from '../../src/domain/pickup-code.ts';
import { median, report } from './report.ts';

const SALT = 'c2FsdC1mb3ItYmVuY2gtMDE=';

async function guessesPerSecond(): Promise<number> {
  const workers = availableParallelism();
  const perWorker = 8;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; i < perWorker; i++) await pinHash(String(worker * 1000 + i).padStart(6, '0'), SALT, PIN_ITERATIONS);
    }),
  );
  return (workers * perWorker) / ((performance.now() - started) / 1000);
}

async function pickupGuessesPerSecond(stored: string): Promise<number> {
  const workers = availableParallelism();
  const perWorker = 8;
  const started = performance.now();
  let found = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; i < perWorker; i++) if (await verifyPickupCode(stored, String(worker * 1000 + i).padStart(6, '0'))) found++;
    }),
  );
  if (found > 0) throw new Error('a wrong pickup code passed the check');
  return (workers * perWorker) / ((performance.now() - started) / 1000);
}

async function pickupMsPerGuess(stored: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    await verifyPickupCode(stored, String(500_000 + i));
    times.push(performance.now() - started);
  }
  return median(times);
}

async function candidatesLeft(pin: string): Promise<number> {
  const check = pinCheckOf(await pinHash(pin, SALT, 1_000));
  let passing = 0;
  for (let n = 0; n < 10_000; n++) if (pinCheckOf(await pinHash(String(n).padStart(4, '0'), SALT, 1_000)) === check) passing++;
  return passing;
}

export async function benchPinGuessing(): Promise<void> {
  const rates: number[] = [];
  for (let run = 0; run < 3; run++) rates.push(await guessesPerSecond());
  const rate = median(rates);
  report('pin_offline_guesses_per_s', rate, 'guesses/s', { iterations: PIN_ITERATIONS, cores: availableParallelism(), runs: rates.map((r) => Math.round(r)) });
  report('pin_4digit_search_s', 10_000 / rate, 's');
  report('pin_6digit_search_s', 1_000_000 / rate, 's');
  const counts = [await candidatesLeft('4829'), await candidatesLeft('1357'), await candidatesLeft('8080')];
  report('pin_4digit_candidates_left', median(counts), 'PINs', { counts, expected: 10_000 / 4096, before: 1 });
  report('pin_6digit_candidates_left', 1_000_000 / 4096, 'PINs', { computed: true, before: 1 });

  const stored = await hashPickupCodeWith('482913', crypto.getRandomValues(new Uint8Array(16)));
  const pickupRates: number[] = [];
  for (let run = 0; run < 3; run++) pickupRates.push(await pickupGuessesPerSecond(stored));
  const pickupRate = median(pickupRates);
  report('pickup_code_guesses_per_s', pickupRate, 'guesses/s', { iterations: PICKUP_CODE_ITERATIONS, cores: availableParallelism(), runs: pickupRates.map((r) => Math.round(r)), before: 'one SHA-256 a guess' });
  report('pickup_code_ms_per_guess', await pickupMsPerGuess(stored), 'ms', { iterations: PICKUP_CODE_ITERATIONS });
  report('pickup_code_6digit_search_s', 1_000_000 / pickupRate, 's', { per: 'order' });
}
