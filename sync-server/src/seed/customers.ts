/*
 * Demo customers of the store: Vietnamese names (family, middle and given name), mobile numbers with
 * real Vietnamese carrier prefixes (0 + 9 digits, unique), member cards and loyalty points balances.
 */
import type { BalanceDocument, CustomerDocument } from '../../../src/data/schemas/types.ts';
import { foldForSearch } from '../../../src/domain/search-text.ts';
import { demoId } from './catalog.ts';
import { SeededRandom } from './prng.ts';

const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Đinh'];
const MIDDLE_NAMES_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Bảo', 'Khánh', 'Hoài', 'Diệu', 'Phương'];
const MIDDLE_NAMES_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thành', 'Gia', 'Công', 'Tuấn', 'Hoàng'];
const GIVEN_NAMES_F = ['An', 'Anh', 'Châu', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Thảo', 'Thư', 'Trang', 'Tuyết', 'Vy', 'Yến'];
const GIVEN_NAMES_M = ['Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Long', 'Lộc', 'Nam', 'Nghĩa', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Trung', 'Tuấn', 'Việt', 'Vinh'];
const MOBILE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '088', '089', '056', '058'];

const CUSTOMER_FAMILY = 3;
const DAY_MS = 86_400_000;

export interface DemoCustomer {
  customer: CustomerDocument;
  points: BalanceDocument;
}

export function generateCustomers(count: number, storeId: string, now: Date): DemoCustomer[] {
  const phones = new Set<string>();
  const out: DemoCustomer[] = [];
  for (let index = 0; index < count; index++) {
    const rng = SeededRandom.forItem(CUSTOMER_FAMILY, index);
    const female = rng.chance(0.55);
    const name = [
      rng.pick(FAMILY_NAMES),
      rng.pick(female ? MIDDLE_NAMES_F : MIDDLE_NAMES_M),
      rng.pick(female ? GIVEN_NAMES_F : GIVEN_NAMES_M),
    ].join(' ');
    let phone: string;
    do phone = rng.pick(MOBILE_PREFIXES) + rng.digits(7);
    while (phones.has(phone));
    phones.add(phone);
    const id = demoId('customer', index);
    const createdAt = new Date(now.getTime() - rng.int(1, 720) * DAY_MS).toISOString();
    const customer: CustomerDocument = {
      id,
      storeId,
      name,
      searchName: foldForSearch(name),
      phone,
      memberCard: `TV${String(index + 1).padStart(8, '0')}`,
      createdAt,
      updatedAt: createdAt,
    };
    if (rng.chance(0.4)) {
      customer.email = `${foldForSearch(name).replace(/ /g, '.')}${rng.int(1, 99)}@example.vn`;
    }
    const points: BalanceDocument = {
      id: `points:${storeId}:${id}`,
      kind: 'points',
      storeId,
      refId: id,
      value: rng.chance(0.15) ? 0 : rng.int(10, 8000),
      updatedAt: now.toISOString(),
    };
    out.push({ customer, points });
  }
  return out;
}
