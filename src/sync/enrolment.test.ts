// Enrolling a tablet against a scripted server answer: the identity kept, and every refusal told apart.
import { describe, expect, it, vi } from 'vitest';
import { EnrolmentError, enrolDevice, normaliseServerUrl } from './enrolment.ts';

function answering(status: number, body: unknown) {
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

const request = { serverUrl: 'https://pos.example.vn/', enrollmentCode: ' K7QM-4XPD-92HT ', deviceName: ' Quầy 1 ' };

describe('enrolling a tablet with its store', () => {
  it('sends the code and name to the contract endpoint and keeps what the server answered', async () => {
    const fetch = answering(201, { deviceId: 'd-1', storeId: 's-1', storeName: 'Cửa hàng Quận 1', token: 'tok' });
    const identity = await enrolDevice(request, fetch, () => new Date('2025-03-01T08:00:00.000Z'));
    expect(identity).toEqual({
      deviceId: 'd-1',
      storeId: 's-1',
      storeName: 'Cửa hàng Quận 1',
      deviceName: 'Quầy 1',
      serverUrl: 'https://pos.example.vn',
      token: 'tok',
      enrolledAt: '2025-03-01T08:00:00.000Z',
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://pos.example.vn/api/v1/devices/enroll');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ enrollmentCode: 'K7QM-4XPD-92HT', deviceName: 'Quầy 1' });
  });

  it.each([
    [401, 'wrongCode'],
    [429, 'tooManyTries'],
    [400, 'invalid'],
    [503, 'serverError'],
  ])('tells a %i answer apart (%s)', async (status, reason) => {
    const fetch = answering(status, { error: 'x', message: 'what was wrong' });
    await expect(enrolDevice(request, fetch)).rejects.toMatchObject({ reason });
  });

  it('says the server cannot be reached when the network fails', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const failure = await enrolDevice(request, fetch).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EnrolmentError);
    expect((failure as EnrolmentError).reason).toBe('unreachable');
  });

  it('refuses an address that is not http(s) before calling anything', async () => {
    const fetch = answering(201, {});
    await expect(enrolDevice({ ...request, serverUrl: 'ftp://pos' }, fetch)).rejects.toMatchObject({ reason: 'invalid' });
    await expect(enrolDevice({ ...request, serverUrl: 'not a url' }, fetch)).rejects.toMatchObject({ reason: 'invalid' });
    expect(fetch).not.toHaveBeenCalled();
    expect(normaliseServerUrl('http://192.168.1.10:8080/')).toBe('http://192.168.1.10:8080');
  });
});
