/*
 * What a catalog import problem says to the manager, in English or Vietnamese: what is wrong with the cell
 * and what to write instead. The server answers in Vietnamese when the request asks for it
 * (Accept-Language: vi), in English otherwise; the back office will show the same texts.
 */
import { VIETNAMESE_HEADINGS } from './catalog-import-columns.ts';
import type { ImportProblemDetail } from './catalog-import.ts';

export type ImportLanguage = 'en' | 'vi';

/** The language of the answer: Vietnamese when the caller ranks vi above en, English otherwise. */
export function importLanguage(acceptLanguage: string | undefined): ImportLanguage {
  if (acceptLanguage === undefined) return 'en';
  let best: { language: ImportLanguage; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const language = tag.split('-')[0];
    if (language !== 'vi' && language !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === undefined || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

const list = (items: readonly string[]): string => items.map((i) => `"${i}"`).join(', ');

export function describeImportProblem(detail: ImportProblemDetail, language: ImportLanguage): string {
  return language === 'vi' ? vietnamese(detail) : english(detail);
}

function english(d: ImportProblemDetail): string {
  switch (d.kind) {
    case 'not-utf8':
      return 'The file is not UTF-8 text: in Excel save it as "CSV UTF-8 (Comma delimited)", or upload the .xlsx file itself';
    case 'not-xlsx':
      return `The file is not an Excel workbook (.xlsx) that can be read (${d.reason}): save it again as .xlsx, or as CSV UTF-8`;
    case 'xlsx-too-large':
      return `The workbook unpacks to more than ${d.limitMb} MB, far more than a catalog needs: save only the catalog sheet, or export it as CSV UTF-8`;
    case 'csv-syntax':
      return `The CSV text breaks here (${d.reason}): check the quotes in this row`;
    case 'no-headings':
      return 'The first row must name the columns (sku, name, price, taxClass, ...); it is empty';
    case 'no-rows':
      return 'The file has a heading row but no products under it';
    case 'too-many-rows':
      return `A file may hold at most ${d.max} products: split it and import the parts one after the other`;
    case 'missing-column':
      return `The column "${d.column}" (or "${VIETNAMESE_HEADINGS[d.column]}") is missing from the heading row`;
    case 'duplicate-column':
      return `This column repeats the column "${d.firstHeading}" (both are ${d.column}): keep one`;
    case 'extra-cells':
      return `This row has ${d.count} filled cell(s) to the right of the last named column: give them a heading or empty them`;
    case 'required':
      return 'This cell must not be empty';
    case 'too-long':
      return `At most ${d.max} characters`;
    case 'control-character':
      return 'This cell holds an invisible control character: retype it';
    case 'duplicate-sku':
      return `The SKU "${d.sku}" is already on line ${d.firstLine}: each product once per file`;
    case 'price-not-whole':
      return englishPrice(d.value, d.why);
    case 'price-too-large':
      return `"${d.value}" is above the largest price, ${d.max}`;
    case 'unknown-tax-class':
      return `"${d.value}" is not one of this store's tax classes: write one of ${list(d.known)}`;
    case 'ambiguous-tax-class':
      return `"${d.value}" matches several tax classes (${list(d.candidates)}): write the one meant`;
    case 'unknown-unit':
      return `"${d.value}" is not a unit the POS knows: write pcs (pieces) or kg`;
    case 'not-yes-or-no':
      return `"${d.value}" is not yes or no: write yes/no, true/false, 1/0, x or leave it empty`;
    case 'weighed-needs-kg':
      return 'A weighed item is sold by kg: set its unit to kg, or mark it not weighed';
    case 'too-many-barcodes':
      return `${d.count} barcodes: a product has at most ${d.max}`;
    case 'barcode-scientific':
      return `"${d.value}" is a barcode Excel turned into a number in scientific notation: format the column as Text and type the barcodes again`;
    case 'barcode-spaces':
      return `"${d.value}" has spaces or invisible characters inside: separate barcodes with "|"`;
    case 'barcode-check-digit':
      return `"${d.value}" does not end with its check digit: a digit is mistyped or missing (Excel drops leading zeros when the column is not Text)`;
    case 'barcode-in-two-rows':
      return `The barcode "${d.value}" is also on line ${d.otherLine} (SKU ${d.otherSku}): a barcode names one product`;
    case 'barcode-taken':
      return `The barcode "${d.value}" belongs to the product ${d.otherSku}: remove it there first (or in this file)`;
    case 'stock-not-a-number':
      return `"${d.value}" is not a quantity: write digits, with a dot before decimals for kg (e.g. 12 or 2.5)`;
    case 'stock-negative':
      return `"${d.value}" is negative: opening stock starts at 0 or more`;
    case 'stock-too-precise':
      return d.unit === 'pcs' ? `"${d.value}": an item sold by the piece has whole pieces in stock` : `"${d.value}": at most 3 decimals (grams)`;
    case 'stock-too-large':
      return `"${d.value}" is above the largest stock, ${d.max}`;
    case 'image-invalid':
      return d.why === 'too-long'
        ? 'The picture\'s address is too long (at most 2000 characters)'
        : d.why === 'spaces'
          ? `"${d.value}" has spaces inside: a picture's address has none (write %20 for a space)`
          : `"${d.value}" is not a picture's address: write an https:// link or a path on this server starting with / (or leave it empty)`;
  }
}

function englishPrice(value: string, why: Extract<ImportProblemDetail, { kind: 'price-not-whole' }>['why']): string {
  const base = `"${value}" is not a whole number of minor units`;
  switch (why) {
    case 'decimal':
      return `${base}: prices are in minor units with no decimals (VND: 12500; for 12.50 USD write 1250)`;
    case 'exponent':
      return `${base}: write the price in full digits, not in scientific notation (1000, not 1e3)`;
    case 'separator':
      return `${base}: write digits only, without thousands separators (12500, not 12,500 or 12.500)`;
    case 'negative':
      return `${base}: a price cannot be negative`;
    case 'not-a-number':
      return `${base}: write digits only, e.g. 12500`;
  }
}

function vietnamese(d: ImportProblemDetail): string {
  switch (d.kind) {
    case 'not-utf8':
      return 'Tệp không phải văn bản UTF-8: trong Excel hãy lưu dạng "CSV UTF-8 (Comma delimited)", hoặc tải lên chính tệp .xlsx';
    case 'not-xlsx':
      return `Không đọc được tệp Excel (.xlsx) (${d.reason}): hãy lưu lại dạng .xlsx hoặc CSV UTF-8`;
    case 'xlsx-too-large':
      return `Tệp Excel khi giải nén lớn hơn ${d.limitMb} MB, quá mức cần cho một danh mục: chỉ giữ trang danh mục, hoặc xuất ra CSV UTF-8`;
    case 'csv-syntax':
      return `Dòng CSV này bị lỗi (${d.reason}): kiểm tra lại dấu ngoặc kép trong dòng`;
    case 'no-headings':
      return 'Dòng đầu tiên phải là tên cột (Mã hàng, Tên hàng, Giá bán, Loại thuế, ...); dòng này đang trống';
    case 'no-rows':
      return 'Tệp có dòng tiêu đề nhưng không có hàng hóa nào bên dưới';
    case 'too-many-rows':
      return `Mỗi tệp tối đa ${d.max} hàng hóa: hãy chia tệp và nhập lần lượt từng phần`;
    case 'missing-column':
      return `Thiếu cột "${VIETNAMESE_HEADINGS[d.column]}" (hoặc "${d.column}") ở dòng tiêu đề`;
    case 'duplicate-column':
      return `Cột này trùng với cột "${d.firstHeading}": chỉ giữ một cột`;
    case 'extra-cells':
      return `Dòng này có ${d.count} ô có dữ liệu nằm ngoài các cột có tiêu đề: đặt tiêu đề cho cột hoặc xóa dữ liệu`;
    case 'required':
      return 'Ô này không được để trống';
    case 'too-long':
      return `Tối đa ${d.max} ký tự`;
    case 'control-character':
      return 'Ô này có ký tự điều khiển ẩn: hãy gõ lại';
    case 'duplicate-sku':
      return `Mã hàng "${d.sku}" đã có ở dòng ${d.firstLine}: mỗi hàng hóa chỉ một dòng trong tệp`;
    case 'price-not-whole':
      return vietnamesePrice(d.value, d.why);
    case 'price-too-large':
      return `"${d.value}" vượt quá giá lớn nhất cho phép (${d.max})`;
    case 'unknown-tax-class':
      return `"${d.value}" không phải loại thuế của cửa hàng: hãy ghi một trong ${list(d.known)}`;
    case 'ambiguous-tax-class':
      return `"${d.value}" khớp với nhiều loại thuế (${list(d.candidates)}): hãy ghi rõ loại thuế`;
    case 'unknown-unit':
      return `"${d.value}" không phải đơn vị tính hợp lệ: ghi cái (pcs) hoặc kg`;
    case 'not-yes-or-no':
      return `"${d.value}" không phải có/không: ghi có/không, x, 1/0 hoặc để trống`;
    case 'weighed-needs-kg':
      return 'Hàng cân phải có đơn vị tính kg: sửa đơn vị tính thành kg, hoặc bỏ đánh dấu hàng cân';
    case 'too-many-barcodes':
      return `${d.count} mã vạch: mỗi hàng hóa tối đa ${d.max} mã vạch`;
    case 'barcode-scientific':
      return `"${d.value}" là mã vạch bị Excel đổi thành số dạng khoa học: định dạng cột là Văn bản (Text) rồi nhập lại mã vạch`;
    case 'barcode-spaces':
      return `"${d.value}" có khoảng trắng hoặc ký tự ẩn bên trong: ngăn cách các mã vạch bằng "|"`;
    case 'barcode-check-digit':
      return `"${d.value}" sai số kiểm tra: có chữ số bị gõ sai hoặc bị mất (Excel bỏ số 0 ở đầu nếu cột không phải Văn bản)`;
    case 'barcode-in-two-rows':
      return `Mã vạch "${d.value}" cũng có ở dòng ${d.otherLine} (mã hàng ${d.otherSku}): mỗi mã vạch chỉ thuộc một hàng hóa`;
    case 'barcode-taken':
      return `Mã vạch "${d.value}" đang thuộc hàng hóa ${d.otherSku}: hãy gỡ mã vạch khỏi hàng đó trước (hoặc ngay trong tệp này)`;
    case 'stock-not-a-number':
      return `"${d.value}" không phải số lượng: ghi chữ số, dùng dấu chấm cho phần lẻ của kg (ví dụ 12 hoặc 2.5)`;
    case 'stock-negative':
      return `"${d.value}" là số âm: tồn kho đầu kỳ phải từ 0 trở lên`;
    case 'stock-too-precise':
      return d.unit === 'pcs' ? `"${d.value}": hàng bán theo cái phải có tồn kho là số nguyên` : `"${d.value}": tối đa 3 chữ số thập phân (gam)`;
    case 'stock-too-large':
      return `"${d.value}" vượt quá tồn kho lớn nhất cho phép (${d.max})`;
    case 'image-invalid':
      return d.why === 'too-long'
        ? 'Địa chỉ hình ảnh quá dài (tối đa 2000 ký tự)'
        : d.why === 'spaces'
          ? `"${d.value}" có khoảng trắng bên trong: địa chỉ hình ảnh không có khoảng trắng (ghi %20 thay cho khoảng trắng)`
          : `"${d.value}" không phải địa chỉ hình ảnh: ghi đường dẫn https:// hoặc đường dẫn trên máy chủ này bắt đầu bằng / (hoặc để trống)`;
  }
}

function vietnamesePrice(value: string, why: Extract<ImportProblemDetail, { kind: 'price-not-whole' }>['why']): string {
  const base = `"${value}" không phải số nguyên theo đơn vị tiền nhỏ nhất`;
  switch (why) {
    case 'decimal':
      return `${base}: giá ghi bằng số nguyên, không có phần thập phân (VND: 12500)`;
    case 'exponent':
      return `${base}: ghi đủ các chữ số, không dùng dạng khoa học (1000, không phải 1e3)`;
    case 'separator':
      return `${base}: chỉ ghi chữ số, không dùng dấu phân cách hàng nghìn (12500, không phải 12.500 hay 12,500)`;
    case 'negative':
      return `${base}: giá không được âm`;
    case 'not-a-number':
      return `${base}: chỉ ghi chữ số, ví dụ 12500`;
  }
}
