/*
 * What a Vietnamese neighbourhood supermarket sells, as product lines the demo catalog is generated from:
 * a product name is "<type> <brand> <variant> <size>", e.g. "Sữa tươi tiệt trùng Vinamilk ít đường hộp 180ml".
 * Compact text so the lists stay readable:
 *   brands   "Vinamilk|Meiji@490"  — "@490" is the brand's GS1 country prefix (default 893, Vietnam)
 *   variants "có đường|"           — an empty entry means no variant
 *   sizes    "hộp 180ml:6500-9000" — size label and its shelf price range in VND (tax included)
 * Tax classes follow Vietnam's VAT: fresh food, rice, medical goods and school supplies 5 %, most packaged
 * goods 8 % (the reduced rate), beer and household chemicals 10 %.
 */

export interface ProductLine {
  category: string;
  taxClassId: string;
  type: string;
  brands: string;
  variants: string;
  sizes: string;
}

const line = (category: string, taxClassId: string, type: string, brands: string, variants: string, sizes: string): ProductLine =>
  ({ category, taxClassId, type, brands, variants, sizes });

const DAIRY = 'Sữa & sản phẩm từ sữa';
const NOODLES = 'Mì, phở, bún ăn liền';
const DRINKS = 'Đồ uống';
const COFFEE = 'Cà phê, trà';
const BEER = 'Bia';
const SPICES = 'Gia vị, dầu ăn';
const DRY = 'Gạo, bột, đồ khô';
const SNACKS = 'Bánh kẹo, snack';
const CARE = 'Chăm sóc cá nhân';
const HOME = 'Hóa phẩm gia dụng';
const CANNED = 'Đồ hộp, đông lạnh';
const HEALTH = 'Chăm sóc sức khỏe';
const SCHOOL = 'Văn phòng phẩm';
const BABY = 'Mẹ và bé';

export const PRODUCT_LINES: readonly ProductLine[] = [
  line(DAIRY, 'vat8', 'Sữa tươi tiệt trùng', 'Vinamilk|TH true MILK|Dutch Lady|Mộc Châu Milk|Dalat Milk|Nutifood|Meiji@490', 'có đường|ít đường|không đường|hương dâu|socola|', 'hộp 180ml:6500-9000|hộp 1L:30000-45000|lốc 4 hộp 180ml:26000-36000|thùng 48 hộp 180ml:320000-420000'),
  line(DAIRY, 'vat8', 'Sữa chua ăn', 'Vinamilk|TH true YOGURT|Ba Vì|Nutifood|Mộc Châu Milk', 'có đường|ít đường|nha đam|trái cây|Hy Lạp', 'hộp 100g:6000-9000|lốc 4 hộp 100g:24000-36000'),
  line(DAIRY, 'vat8', 'Sữa đậu nành', 'Vinasoy Fami|Vinamilk|Nutifood|Vfresh', 'nguyên chất|ít đường|canxi|mè đen', 'hộp 200ml:5500-8000|lốc 6 hộp 200ml:32000-45000|thùng 36 hộp 200ml:180000-250000'),
  line(DAIRY, 'vat8', 'Sữa hạt', 'TH true NUT|Vinamilk|137 Degrees@885|Vfresh', 'hạnh nhân|óc chó|macca|yến mạch', 'hộp 180ml:12000-22000|chai 1L:65000-120000'),
  line(NOODLES, 'vat8', 'Mì', 'Hảo Hảo|Omachi|Kokomi|Cung Đình|Đệ Nhất|Gấu Đỏ|Samyang@880|Nongshim@880|Mama@885', 'tôm chua cay|sườn hầm ngũ quả|bò hầm rau thơm|gà nấm|lẩu thái tôm|xào khô|sa tế hành', 'gói 75g:4500-12000|lốc 5 gói:22000-55000|ly 65g:9000-22000|thùng 30 gói:110000-330000'),
  line(NOODLES, 'vat8', 'Phở ăn liền', 'Vifon|Cung Đình|Đệ Nhất|Acecook', 'bò|gà|bò tái|', 'gói 65g:6000-12000|tô 120g:15000-28000|thùng 30 gói:160000-300000'),
  line(NOODLES, 'vat8', 'Hủ tiếu ăn liền', 'Nam Vang Vifon|Acecook|Cung Đình', 'sườn heo|Nam Vang|mực', 'gói 70g:6000-11000|thùng 30 gói:160000-290000'),
  line(DRINKS, 'vat8', 'Nước ngọt', 'Coca-Cola|Pepsi|7Up|Fanta|Mirinda|Sprite|Schweppes', 'nguyên bản|không đường|vị cam|vị chanh|', 'lon 330ml:9000-12000|chai 390ml:9000-12000|chai 1,5L:18000-25000|lốc 6 lon 330ml:52000-70000|thùng 24 lon 330ml:190000-260000'),
  line(DRINKS, 'vat8', 'Nước tăng lực', 'Sting|Red Bull@885|Number 1|Warrior|Monster@500', 'dâu|nguyên bản|vị nho|', 'lon 250ml:10000-16000|chai 330ml:10000-14000|lốc 6 chai 330ml:56000-80000|thùng 24 lon:230000-350000'),
  line(DRINKS, 'vat8', 'Trà xanh', 'Không Độ|C2|Fuze Tea|Lipton|Ô Long Tea+ Plus', 'vị chanh|mật ong|hương đào|không đường|', 'chai 455ml:8000-12000|lốc 6 chai 455ml:46000-68000|thùng 24 chai:180000-250000'),
  line(DRINKS, 'vat8', 'Nước khoáng', 'Lavie|Vĩnh Hảo|Aquafina|Dasani|Evian@300', 'có ga|thiên nhiên|', 'chai 500ml:5000-9000|chai 1,5L:9000-15000|bình 5L:22000-35000|thùng 24 chai 500ml:100000-150000'),
  line(DRINKS, 'vat8', 'Nước ép trái cây', 'Vfresh|TH true JUICE|Malee@885|Twister', 'cam|táo|nho|đào|ổi', 'hộp 1L:32000-55000|chai 350ml:12000-20000'),
  line(COFFEE, 'vat8', 'Cà phê hòa tan', 'G7|Nescafé|Vinacafé|Trung Nguyên Legend|Highlands Coffee|Wake-up 247|Phúc Long', '3in1|2in1|đậm đà|sữa đá|đen đá', 'hộp 18 gói:45000-90000|bịch 50 gói:120000-190000|hũ 200g:95000-180000'),
  line(COFFEE, 'vat8', 'Cà phê rang xay', 'Trung Nguyên Sáng Tạo|Highlands Coffee|Phúc Long|Mê Trang|Rita', 'Robusta Cầu Đất|Arabica|Culi|truyền thống', 'túi 500g:90000-260000|túi 250g:55000-140000'),
  line(COFFEE, 'vat8', 'Trà túi lọc', 'Lipton|Cozy|Phúc Long|Dilmah@955|Tân Nam Bắc', 'nhãn vàng|hoa nhài|ô long|atiso|gừng', 'hộp 25 túi:25000-65000|hộp 100 túi:90000-190000'),
  line(BEER, 'vat10', 'Bia', 'Sài Gòn Special|Sài Gòn Export|333|Tiger|Heineken|Hà Nội|Larue|Huda|Budweiser|Sapporo|Carlsberg', 'Crystal|Silver|Lager|', 'lon 330ml:11000-22000|chai 450ml:14000-24000|lốc 6 lon 330ml:65000-125000|thùng 24 lon 330ml:250000-450000'),
  line(SPICES, 'vat8', 'Nước mắm', 'Nam Ngư|Chin-su|Phú Quốc 584|Liên Thành|Hưng Thịnh|Knorr', 'cá cơm|đệ nhị|thượng hạng|40 độ đạm|ít mặn', 'chai 500ml:20000-65000|chai 750ml:30000-90000|can 2L:70000-180000'),
  line(SPICES, 'vat8', 'Nước tương', 'Chin-su|Maggi|Nam Dương|Tam Thái Tử|Kikkoman@490', 'đậu nành|tỏi ớt|đậm đặc|', 'chai 330ml:12000-25000|chai 500ml:18000-35000'),
  line(SPICES, 'vat8', 'Hạt nêm', 'Knorr|Maggi|Aji-ngon|Chin-su', 'vị heo|vị nấm|vị gà|', 'gói 400g:32000-48000|gói 900g:65000-95000'),
  line(SPICES, 'vat8', 'Tương ớt', 'Chin-su|Cholimex|Maggi|Sriracha@885', 'cay nồng|tỏi|', 'chai 250g:12000-22000|chai 500g:22000-38000'),
  line(SPICES, 'vat8', 'Dầu ăn', 'Neptune|Simply|Tường An|Meizan|Cái Lân|Ranee', 'Light|đậu nành|gạo lứt|hướng dương|', 'chai 1L:42000-75000|chai 2L:85000-145000|can 5L:190000-300000'),
  line(SPICES, 'vat8', 'Đường', 'Biên Hòa|Lam Sơn|TTC|Mitr Phol@885', 'tinh luyện|vàng|phèn|', 'túi 1kg:25000-38000|túi 500g:14000-22000'),
  line(DRY, 'vat5', 'Gạo', 'ST25 Ông Cua|Vinaf|Neptune|Lộc Trời|Tấn Vương|Meizan|Hạt Ngọc Trời', 'thơm|Jasmine|Tài Nguyên|Nàng Hoa|hữu cơ|lứt', 'túi 1kg:25000-48000|túi 5kg:110000-220000|bao 10kg:210000-430000'),
  line(DRY, 'vat5', 'Đậu xanh', 'Vinaf|Tấn Vương|Hoa Sen', 'cà vỏ|nguyên hạt|', 'gói 500g:28000-45000'),
  line(DRY, 'vat8', 'Bún khô', 'Safoco|Bích Chi|Mikiri|Vifon', 'gạo|gạo lứt|', 'gói 300g:12000-22000|gói 500g:18000-32000'),
  line(SNACKS, 'vat8', 'Bánh Chocopie', 'Orion|Lotte@880', 'nguyên bản|vị dâu|matcha', 'hộp 6 cái:22000-35000|hộp 12 cái:45000-68000'),
  line(SNACKS, 'vat8', 'Bánh quy', 'Cosy|AFC|Kinh Đô|Oreo@899|Danisa@400|Richy|Hải Hà', 'bơ|sữa|rau cải|vị socola|mè|', 'gói 90g:10000-25000|hộp 200g:35000-65000|hộp thiếc 454g:120000-220000'),
  line(SNACKS, 'vat8', 'Snack khoai tây', "Lay's|Poca|Oishi|Swing|Pringles@500", 'vị tự nhiên|vị phô mai|vị rong biển|vị mực cay|vị bò nướng', 'gói 52g:10000-15000|gói 95g:18000-28000|hộp 107g:38000-60000'),
  line(SNACKS, 'vat8', 'Kẹo', 'Hải Hà|Bibica|Haribo@400|Alpenliebe|Mentos@871|Dynamite', 'dẻo trái cây|sữa|bạc hà|cà phê|', 'gói 80g:12000-25000|túi 200g:25000-48000'),
  line(CARE, 'vat8', 'Dầu gội', 'Clear|Sunsilk|Dove|Head & Shoulders|Pantene|X-Men|Rejoice|Thái Dương|Romano', 'bạc hà|mượt mà|ngăn rụng tóc|sạch gàu|dưỡng ẩm', 'chai 170g:45000-80000|chai 650g:130000-230000|chai 900g:180000-320000'),
  line(CARE, 'vat8', 'Sữa tắm', 'Lifebuoy|Dove|Hazeline|Nivea@400|Enchanteur|Purité|X-Men', 'bảo vệ khỏi vi khuẩn|dưỡng ẩm|trắng da|hương hoa|than hoạt tính', 'chai 250g:45000-90000|chai 850g:130000-260000'),
  line(CARE, 'vat8', 'Kem đánh răng', 'P/S|Colgate|Closeup|Sensodyne@500|Dạ Lan', 'bảo vệ 123|than hoạt tính|trà xanh|muối|bạc hà', 'tuýp 180g:28000-55000|tuýp 230g:35000-70000|combo 2 tuýp:55000-110000'),
  line(CARE, 'vat8', 'Sữa rửa mặt', 'Senka@490|Hada Labo@490|Pond’s|Cetaphil@930|Cerave@300', 'tạo bọt|dịu nhẹ|kiểm soát dầu|', 'tuýp 100g:65000-180000|chai 473ml:250000-420000'),
  line(HOME, 'vat10', 'Nước rửa chén', 'Sunlight|Mỹ Hảo|Lix|Gift|Vim', 'hương chanh|trà xanh|muối khoáng|', 'chai 750g:22000-38000|can 3,6kg:80000-140000'),
  line(HOME, 'vat10', 'Bột giặt', 'OMO|Ariel|Tide|Surf|Aba|Lix', 'hương ngàn hoa|matic cửa trên|matic cửa trước|giữ màu', 'túi 800g:32000-55000|túi 3kg:120000-220000|túi 6kg:220000-390000'),
  line(HOME, 'vat10', 'Nước giặt', 'OMO Matic|Ariel Matic|Surf|Comfort|Downy', 'hương nắng mai|giữ màu|đậm đặc|', 'túi 2,2kg:95000-180000|can 3,8kg:180000-290000'),
  line(HOME, 'vat10', 'Nước xả vải', 'Comfort|Downy|Hygiene@885|Dnee@885', 'hương ban mai|đậm đặc|cho bé|', 'túi 1,6L:65000-120000|can 3,2L:130000-220000'),
  line(HOME, 'vat10', 'Giấy vệ sinh', 'Pulppy|Bless You|Watersilk|An An|Saigon', 'không lõi|2 lớp|3 lớp', 'lốc 10 cuộn:55000-120000|lốc 6 cuộn:35000-70000'),
  line(CANNED, 'vat8', 'Cá ngừ đóng hộp', 'Hạ Long|Ayam Brand@955|TuNa Việt Nam|Sea Crown', 'ngâm dầu|sốt cà chua|xốt cay', 'hộp 140g:22000-48000|hộp 185g:28000-60000'),
  line(CANNED, 'vat8', 'Pate gan', 'Hạ Long|Vissan|Cột Đèn', 'heo|gà|', 'hộp 150g:18000-32000'),
  line(CANNED, 'vat8', 'Xúc xích', 'Vissan|CP|Đức Việt|Le Gourmet|Ponnie', 'heo|bò|phô mai|tiệt trùng', 'gói 175g:18000-38000|gói 500g:55000-110000'),
  line(CANNED, 'vat8', 'Chả giò', 'Cầu Tre|CP|Vissan|Ba Huân|Kitchen Joy', 'tôm thịt|rế|hải sản|chay', 'gói 500g:55000-120000|gói 1kg:110000-220000'),
  line(HEALTH, 'vat5', 'Khẩu trang y tế', 'Bảo Thạch|Nam Anh|Khánh An|Unicharm@490', '4 lớp|kháng khuẩn|trẻ em|', 'hộp 50 cái:30000-60000|túi 10 cái:10000-20000'),
  line(HEALTH, 'vat5', 'Nước muối sinh lý', 'Vĩnh Phúc|Bidiphar|Fresh|Efticol', 'NaCl 0,9%|súc miệng|', 'chai 500ml:6000-15000|chai 1L:12000-25000'),
  line(HEALTH, 'vat5', 'Dầu gió', 'Trường Sơn|Eagle Brand@888|Phật Linh|Khuynh Diệp', 'xanh|trắng|lăn|', 'chai 12ml:15000-45000|chai 24ml:35000-85000'),
  line(SCHOOL, 'vat5', 'Vở kẻ ngang', 'Campus|Hồng Hà|Vĩnh Tiến|Thiên Long|Deli@690', '96 trang|200 trang|120 trang', 'quyển:8000-25000|lốc 10 quyển:70000-220000'),
  line(SCHOOL, 'vat5', 'Bút bi', 'Thiên Long|Bến Nghé|Hồng Hà|Deli@690|Pentel@490', 'xanh|đỏ|đen|', 'cây:4000-15000|hộp 20 cây:70000-190000'),
  line(BABY, 'vat8', 'Sữa bột', 'Vinamilk Optimum Gold|Dielac Alpha|Nutifood Grow Plus|Similac@372|NAN Optipro|Friso Gold@871|Meiji@490', 'số 1|số 2|số 3|số 4', 'lon 400g:180000-320000|lon 800g:330000-450000'),
  line(BABY, 'vat8', 'Tã quần', 'Bobby|Huggies|Merries@490|Moony@490|Pampers|Mamamy', 'size M|size L|size XL|size XXL', 'gói 30 miếng:140000-260000|gói 56 miếng:250000-440000'),
  line(BABY, 'vat8', 'Khăn ướt', 'Bobby|Mamamy|Huggies|Nuby|Agi', 'không mùi|hương dịu nhẹ|', 'gói 80 tờ:22000-45000|gói 100 tờ:25000-55000'),
];

/** Fresh goods sold by weight: scanned from the scale's label (prefix 21, PLU and grams). */
export interface WeighedLine {
  category: string;
  taxClassId: string;
  name: string;
  variants: string;
  /** Price per kg in VND. */
  pricePerKg: string;
}

const weighed = (category: string, name: string, variants: string, pricePerKg: string): WeighedLine =>
  ({ category, taxClassId: 'vat5', name, variants, pricePerKg });

const MEAT = 'Thịt, cá, hải sản tươi';
const PRODUCE = 'Rau củ, trái cây';

export const WEIGHED_LINES: readonly WeighedLine[] = [
  weighed(MEAT, 'Thịt ba chỉ heo', 'CP|Meat Deli|Vissan|', '120000-190000'),
  weighed(MEAT, 'Thịt nạc vai heo', 'CP|Meat Deli|Vissan|', '110000-160000'),
  weighed(MEAT, 'Sườn non heo', 'CP|Meat Deli|', '160000-230000'),
  weighed(MEAT, 'Thịt bò thăn', 'Úc|Mỹ|Việt Nam', '280000-450000'),
  weighed(MEAT, 'Ức gà phi lê', 'CP|Ba Huân|', '75000-110000'),
  weighed(MEAT, 'Đùi gà góc tư', 'CP|Ba Huân|', '60000-90000'),
  weighed(MEAT, 'Cá basa phi lê', 'An Giang|', '70000-110000'),
  weighed(MEAT, 'Cá hồi cắt khúc', 'Na Uy|', '350000-450000'),
  weighed(MEAT, 'Tôm thẻ', 'size 40-50 con/kg|size 60-70 con/kg', '180000-320000'),
  weighed(MEAT, 'Mực ống', 'Phan Thiết|', '220000-380000'),
  weighed(PRODUCE, 'Cà chua', 'Đà Lạt|bi|VietGAP', '25000-45000'),
  weighed(PRODUCE, 'Khoai tây', 'Đà Lạt|', '25000-40000'),
  weighed(PRODUCE, 'Cà rốt', 'Đà Lạt|VietGAP', '18000-32000'),
  weighed(PRODUCE, 'Bắp cải trắng', 'Đà Lạt|', '15000-28000'),
  weighed(PRODUCE, 'Chuối già', 'Nam Mỹ|Laba', '22000-38000'),
  weighed(PRODUCE, 'Táo', 'Envy New Zealand|Gala Mỹ|Fuji Nhật', '65000-180000'),
  weighed(PRODUCE, 'Cam sành', 'Vĩnh Long|', '25000-45000'),
  weighed(PRODUCE, 'Xoài cát Hòa Lộc', 'loại 1|', '60000-110000'),
  weighed(PRODUCE, 'Thanh long ruột đỏ', 'Bình Thuận|', '30000-55000'),
  weighed(PRODUCE, 'Nho xanh không hạt', 'Úc|Ninh Thuận', '120000-280000'),
  weighed(PRODUCE, 'Bưởi da xanh', 'Bến Tre|', '45000-75000'),
  weighed(PRODUCE, 'Nấm đùi gà', 'hữu cơ|', '60000-95000'),
];

/**
 * Goods made or served at the counter: no barcode, rung up from the counter's product grid and its quick keys
 * (the demo store's config names them). Prices in VND, tax included.
 */
export interface CounterGood {
  category: string;
  taxClassId: string;
  name: string;
  price: number;
}

const BAR = 'Quầy cà phê';
const BAKERY = 'Bánh mì, bánh ngọt';
const SERVICES = 'Dịch vụ';

export const COUNTER_GOODS: readonly CounterGood[] = [
  { category: BAR, taxClassId: 'vat8', name: 'Cà phê sữa đá', price: 25_000 },
  { category: BAR, taxClassId: 'vat8', name: 'Cà phê đen đá', price: 20_000 },
  { category: BAR, taxClassId: 'vat8', name: 'Bạc xỉu', price: 29_000 },
  { category: BAR, taxClassId: 'vat8', name: 'Trà đào cam sả', price: 35_000 },
  { category: BAKERY, taxClassId: 'vat8', name: 'Bánh mì thịt nướng', price: 25_000 },
  { category: BAKERY, taxClassId: 'vat8', name: 'Bánh bao nhân thịt trứng', price: 18_000 },
  { category: BAKERY, taxClassId: 'vat8', name: 'Bánh sừng bò bơ', price: 22_000 },
  { category: SERVICES, taxClassId: 'vat8', name: 'Gói quà tặng', price: 10_000 },
  // The store's gift card (config loyalty.giftCardProductIds): its price is the amount the cashier puts on the
  // card, so the catalog's is 0; money, not goods, so no VAT on the card (the goods it pays for carry it).
  { category: SERVICES, taxClassId: 'exempt', name: 'Thẻ quà tặng', price: 0 },
];

/** The gift card among the counter goods (its place in COUNTER_GOODS). */
export const GIFT_CARD_GOOD = COUNTER_GOODS.length - 1;
