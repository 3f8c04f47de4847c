/**
 * Section text of a plan, written after the seed plans: the purpose, content and
 * organisation paragraphs that make up most of a real plan's length. Placeholders:
 * {cap} the issuing level ("tỉnh", "huyện", "xã"), {subj} the topic, {year} the year,
 * {lower} the level below ("huyện, thị xã, thành phố", "xã, thị trấn", "ấp, khu phố").
 * No sentence here names a numbered document: citations come only from plan.ts, with truth.
 */

export const PURPOSE: string[] = [
  'Tiếp tục nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, đội ngũ cán bộ, công chức, viên chức về vị trí, vai trò của {subj} trong tình hình mới.',
  'Tạo sự chuyển biến tích cực về nhận thức và hành động, khắc phục những hạn chế, thiếu sót trong thực hiện {subj} của các cơ quan, đơn vị, địa phương.',
  'Phát huy quyền làm chủ của Nhân dân, xây dựng chính quyền gần dân, sát dân, vì dân theo phương châm "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng".',
  'Xây dựng và củng cố vững chắc lòng tin của Nhân dân đối với Đảng, chính quyền; góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh trên địa bàn {cap}.',
  'Nâng cao hiệu lực, hiệu quả quản lý nhà nước, trách nhiệm phục vụ Nhân dân của đội ngũ cán bộ, công chức, viên chức; tăng cường kỷ luật, kỷ cương hành chính.',
  'Gắn việc thực hiện {subj} với nhiệm vụ chính trị của từng cơ quan, đơn vị, địa phương, bảo đảm thiết thực, hiệu quả, tránh hình thức.',
];

export const REQUIREMENT: string[] = [
  'Các nội dung phải được triển khai, thực hiện nghiêm túc, thiết thực, gắn với kết quả thực hiện các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm {year}.',
  'Việc triển khai thực hiện phải bám sát nội dung nhiệm vụ chuyên môn của cơ quan, đơn vị, địa phương và chương trình công tác của cấp ủy, chính quyền {cap}.',
  'Phân công cụ thể nhiệm vụ cho từng cơ quan, đơn vị; xác định rõ trách nhiệm của người đứng đầu trong tổ chức thực hiện; thường xuyên kiểm tra, đôn đốc, sơ kết, tổng kết, rút kinh nghiệm.',
  'Đổi mới nội dung, phương thức vận động Nhân dân bằng những mô hình hay, cách làm sáng tạo mang lại hiệu quả; chú ý sơ kết, tổng kết, nhân rộng các mô hình, điển hình tiêu biểu.',
  'Bảo đảm sự phối hợp chặt chẽ giữa chính quyền với Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội cùng cấp trong quá trình tổ chức thực hiện.',
];

export const HEADINGS: string[] = [
  'Công tác lãnh đạo, chỉ đạo; tổ chức triển khai, tuyên truyền, quán triệt văn bản của cấp trên',
  'Thực hiện các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội, nâng cao đời sống vật chất và tinh thần cho các tầng lớp Nhân dân',
  'Đẩy mạnh ứng dụng công nghệ thông tin, nâng cao chất lượng cải cách hành chính, thực hiện dịch vụ công trực tuyến',
  'Nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức; siết chặt kỷ luật, kỷ cương hành chính',
  'Thực hiện tốt công tác tiếp công dân, giải quyết kịp thời khiếu nại, tố cáo, kiến nghị, phản ánh của Nhân dân',
  'Phối hợp với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong công tác vận động Nhân dân',
  'Xây dựng, nhân rộng các mô hình, điển hình "Dân vận khéo" trong lĩnh vực chính quyền',
  'Công tác kiểm tra, giám sát, sơ kết, tổng kết và khen thưởng',
];

export const TASK: string[] = [
  'Cấp ủy đảng, lãnh đạo các cơ quan, đơn vị thường xuyên quan tâm lãnh đạo, chỉ đạo tổ chức triển khai thực hiện {subj}, tăng cường công tác kiểm tra, giám sát, chấn chỉnh việc thực hiện, tổ chức sơ kết, tổng kết theo quy định.',
  'Tập trung thực hiện các chỉ tiêu, nhiệm vụ trong kế hoạch phát triển kinh tế - xã hội năm {year} đạt và vượt chỉ tiêu đề ra, tăng cường vận động Nhân dân tham gia phong trào xây dựng nông thôn mới gắn với phát triển kinh tế của địa phương.',
  'Thực hiện tốt các chính sách an sinh xã hội, chăm lo đời sống vật chất, tinh thần cho các đối tượng chính sách, hộ nghèo, hộ cận nghèo, đồng bào dân tộc thiểu số và các đối tượng đặc biệt khó khăn.',
  'Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước; nâng cao tỷ lệ hồ sơ giải quyết trực tuyến, bảo đảm công khai, minh bạch, đúng hạn; không để xảy ra tình trạng nhũng nhiễu, gây phiền hà cho người dân và doanh nghiệp.',
  'Tiếp tục rà soát, đơn giản hóa thủ tục hành chính; niêm yết công khai thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả; thực hiện nghiêm quy chế văn hóa công sở.',
  'Cán bộ, công chức, viên chức phải nêu gương trong thực hiện nhiệm vụ, nhất là người đứng đầu cơ quan, đơn vị; gần dân, trọng dân, hiểu dân, học dân và có trách nhiệm với dân.',
  'Thường xuyên lắng nghe và giải quyết kịp thời ý kiến góp ý của Ủy ban Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội phản ánh, kiến nghị với chính quyền những vấn đề mà Nhân dân quan tâm.',
  'Tổ chức tốt việc tiếp công dân định kỳ và đột xuất của người đứng đầu; giải quyết dứt điểm các vụ việc khiếu nại, tố cáo ngay từ cơ sở, không để phát sinh điểm nóng.',
  'Tổ chức lấy ý kiến của Nhân dân tham gia xây dựng các chính sách, chương trình, dự án lớn của địa phương; công khai các nội dung theo quy định để Nhân dân biết, bàn và kiểm tra.',
  'Đổi mới nội dung, hình thức tuyên truyền theo hướng ngắn gọn, dễ hiểu, dễ nhớ, dễ vận dụng; kết hợp ứng dụng công nghệ thông tin, mạng xã hội để nâng cao hiệu quả các cuộc vận động.',
  'Quán triệt, học tập các Chỉ thị, Nghị quyết của Đảng, chính sách, pháp luật của Nhà nước về {subj} đến toàn thể cán bộ, công chức, viên chức và người lao động.',
  'Chủ động phòng ngừa, phát hiện và xử lý nghiêm cán bộ, công chức có hành vi tiêu cực, nhũng nhiễu, gây phiền hà cho dân, xâm phạm quyền và lợi ích hợp pháp, chính đáng của công dân trong thi hành công vụ.',
  'Phát hiện, biểu dương, khen thưởng kịp thời những tập thể, cá nhân tiêu biểu, xuất sắc; nhân rộng các mô hình hay, cách làm hiệu quả trên địa bàn {cap}.',
  'Chỉ đạo {lower} xây dựng kế hoạch cụ thể, phù hợp với tình hình thực tế của địa phương, bảo đảm đúng tiến độ và chất lượng.',
];

export const SCHEDULE: string[] = [
  'Thời gian thực hiện: Thường xuyên trong năm {year}.',
  'Thời gian thực hiện: Trong quý II năm {year}.',
  'Thời gian thực hiện: Trước ngày 30 tháng 11 năm {year}.',
  'Thời gian thực hiện: Hằng quý và cả năm.',
];

export const AGENCIES: Record<'tỉnh' | 'huyện' | 'xã', string[]> = {
  tỉnh: ['Sở Nội vụ', 'Sở Tư pháp', 'Thanh tra tỉnh', 'Sở Thông tin và Truyền thông', 'Văn phòng Ủy ban nhân dân tỉnh', 'Sở Tài chính', 'Các sở, ban, ngành tỉnh'],
  huyện: ['Phòng Nội vụ', 'Phòng Tư pháp', 'Thanh tra huyện', 'Phòng Văn hóa và Thông tin', 'Văn phòng HĐND và UBND huyện', 'Phòng Tài chính - Kế hoạch', 'Các cơ quan, đơn vị thuộc huyện'],
  xã: ['Công chức Văn phòng - Thống kê', 'Công chức Tư pháp - Hộ tịch', 'Công chức Văn hóa - Xã hội', 'Trưởng các ấp, khu phố', 'Công an xã', 'Ban Chỉ huy Quân sự xã'],
};

export const AGENCY_TASK: string[] = [
  'chủ trì, phối hợp với các cơ quan, đơn vị liên quan theo dõi, đôn đốc, kiểm tra việc triển khai thực hiện Kế hoạch này; tổng hợp, báo cáo kết quả thực hiện theo quy định.',
  'căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch cụ thể để triển khai thực hiện; định kỳ báo cáo kết quả về cơ quan thường trực trước ngày 15 tháng 12 năm {year}.',
  'tham mưu tổ chức sơ kết, tổng kết, đánh giá kết quả thực hiện; đề xuất khen thưởng các tập thể, cá nhân có thành tích xuất sắc.',
  'phối hợp tuyên truyền, phổ biến nội dung Kế hoạch đến cán bộ, công chức, viên chức và Nhân dân trên địa bàn.',
];

export const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lâm'];
export const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Hoàng', 'Đức', 'Hải'];
export const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hòa', 'Hùng', 'Khoa', 'Lợi', 'Mai', 'Nam', 'Phong', 'Quý', 'Sơn', 'Tâm', 'Thủy', 'Trung', 'Tuấn', 'Việt', 'Xuân'];
