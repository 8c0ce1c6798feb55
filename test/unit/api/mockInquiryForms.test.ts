/**
 * How the mock reads an inquiry's ids in the forms clients write them (docs/mock.md, "Inquiry
 * ids"): `%2C` between ids is read as a comma and said in `result_object.mock_note` (it answered a
 * silent 102 for one id "a,b"); a `qs`-style array or a repeated parameter is a Bad request that
 * names the form and shows `platform_order_ids=a,b` (it was "Missing query parameter"). Each
 * request is signed over the query exactly as sent, so only the reading of the ids is tested.
 */
import * as assert from 'node:assert/strict';
import { readInquiryQuery, writeInquiryQuery } from '../../../src/api/inquiryQuery';
import { startMockServer, type RunningMockServer } from '../../../src/api/mock/mockServer';
import { computeDigest } from '../../../src/api/signing';
import { MOCK_KEYS, rawRequest, signedPost } from './localServers';

const entry = (id: string) =>
  JSON.stringify({
    platform_order_id: id,
    store_id: '00000000-0000-4000-8000-000000000001',
    currency: 'TWD',
    total_price: 100,
    final_price: 100,
    unredeem: 0,
  });

describe('mock: the forms of an inquiry’s ids', () => {
  let mock: RunningMockServer;
  before(async () => {
    mock = await startMockServer();
    for (const id of ['iq-a', 'iq-b']) assert.equal((await signedPost(mock.url, '/platform/entry', entry(id))).json.result, '000');
  });
  after(() => mock.close());

  /** A GET signed over exactly the query it sends. */
  const inquiry = async (query: string) => {
    const answer = await rawRequest(`${mock.url}/platform/inquiry?${query}`, {
      headers: { 'API-KEY': MOCK_KEYS.apiKey, DIGEST: computeDigest(MOCK_KEYS.secretKey, query) },
    });
    assert.equal(answer.status, 200, answer.text);
    return JSON.parse(answer.text);
  };

  it('answers both orders of a,b, with no note', async () => {
    const answer = await inquiry('platform_order_ids=iq-a,iq-b');
    assert.deepEqual(
      answer.result_object.transactions.map((t: { platform_order_id: string; status: number }) => [t.platform_order_id, t.status]),
      [
        ['iq-a', 101],
        ['iq-b', 101],
      ],
    );
    assert.equal(answer.result_object.mock_note, undefined);
  });

  it('reads a%2Cb as two ids, as a server that decodes its query does, and says so (was: one unknown id "iq-a,iq-b", status 102)', async () => {
    for (const query of ['platform_order_ids=iq-a%2Ciq-b', 'platform_order_ids=iq-a%2ciq-b']) {
      const answer = await inquiry(query);
      assert.equal(answer.result, '000');
      assert.deepEqual(
        answer.result_object.transactions.map((t: { platform_order_id: string; status: number }) => [t.platform_order_id, t.status]),
        [
          ['iq-a', 101],
          ['iq-b', 101],
        ],
      );
      assert.match(answer.result_object.mock_note, /separated by %2C .*read them as 2 ids, .*plain comma, platform_order_ids=iq-a,iq-b/);
    }
  });

  it('refuses a qs-style array or a repeated parameter as a Bad request that names the form and shows the documented one', async () => {
    const cases: [string, RegExp][] = [
      ['platform_order_ids[]=iq-a&platform_order_ids[]=iq-b', /an array with brackets/],
      ['platform_order_ids%5B%5D=iq-a&platform_order_ids%5B%5D=iq-b', /an array with brackets/],
      ['platform_order_ids[0]=iq-a&platform_order_ids[1]=iq-b', /an indexed array .*qs\.stringify’s default/],
      ['platform_order_ids%5B0%5D=iq-a&platform_order_ids%5B1%5D=iq-b', /an indexed array/],
      ['platform_order_ids=iq-a&platform_order_ids=iq-b', /one parameter per id/],
    ];
    for (const [query, form] of cases) {
      const answer = await inquiry(query);
      assert.equal(answer.result, '200', query);
      assert.equal(answer.message, 'Bad request');
      assert.match(answer.result_object.platform_order_ids, form, query);
      assert.match(
        answer.result_object.platform_order_ids,
        /JKOPay takes one parameter with the ids joined by commas: platform_order_ids=iq-a,iq-b\.$/,
      );
    }
  });

  it('reads and writes each form (the doctor tries them as what a client may have signed)', () => {
    const ids = ['a', 'b%2F1'];
    for (const form of ['canonical', 'encoded-comma', 'brackets', 'indexed', 'repeated'] as const) {
      for (const encoded of [false, true]) {
        const query = writeInquiryQuery(ids, form, encoded);
        assert.deepEqual(readInquiryQuery(`${query}&other=1`), { form, rawIds: ids }, query);
      }
    }
    assert.deepEqual(readInquiryQuery('other=1'), { form: 'missing', rawIds: [] });
    assert.deepEqual(readInquiryQuery('platform_order_ids=a'), { form: 'canonical', rawIds: ['a'] });
    assert.equal(readInquiryQuery('PLATFORM_ORDER_IDS=a').form, 'missing', 'the name is case-sensitive, as JKOPay documents it');
  });
});
