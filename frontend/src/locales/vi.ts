// Every string a user reads, in Vietnamese. Components import `vi` and never
// hard-code user-visible text.

export const vi = {
  app: {
    name: 'socai',
    title: 'socai – Sổ cái Cụm thi đua',
    subtitle: 'Sổ cái Cụm thi đua các trường chính trị',
  },
  nav: {
    overview: 'Tổng quan',
    classPlans: 'Kế hoạch mở lớp',
    staffTraining: 'Viên chức đi học',
    research: 'Nghiên cứu khoa học & Bản tin',
    awards: 'Thi đua – Khen thưởng',
    deadlines: 'Hạn nộp & Báo cáo',
    inspections: 'Kiểm tra – Kiểm toán',
    ledger: 'Sổ cái',
    comingLater: 'Sẽ có trong phiên bản sau',
  },
  common: {
    refresh: 'Tải lại',
    loading: 'Đang tải…',
    errorTitle: 'Có lỗi xảy ra',
    retry: 'Thử lại',
    yes: 'Có',
    no: 'Không',
  },
  errors: {
    network: 'Không kết nối được tới máy chủ socai.',
    unknown: 'Lỗi không xác định.',
    httpStatus: (status: number) => `Máy chủ trả về mã lỗi HTTP ${status}.`,
    badResponse: 'Phản hồi của máy chủ không đọc được.',
    noBackend: 'Không tìm thấy dịch vụ socai: hãy mở ứng dụng socai hoặc liên kết do lệnh “socai serve” in ra.',
  },
  ledger: {
    pageTitle: 'Sổ cái',
    pageIntro:
      'Mọi thay đổi dữ liệu được ghi thành sự kiện, chỉ ghi thêm, không sửa, không xóa. ' +
      'Mỗi máy cài đặt giữ một chuỗi băm SHA-256 của các sự kiện do mình ghi.',
    dbPath: 'Tệp cơ sở dữ liệu',
    origin: 'Mã máy cài đặt',
    events: 'Số sự kiện',
    streams: 'Số luồng',
    appVersion: 'Phiên bản',
    headsTitle: 'Đầu chuỗi băm của từng máy cài đặt',
    headsEmpty: 'Chưa có sự kiện nào',
    colOrigin: 'Máy cài đặt',
    colOriginSeq: 'Vị trí trong chuỗi',
    colSeq: 'Vị trí cục bộ',
    colHash: 'Mã băm',
    colRecordedAt: 'Thời điểm ghi',
    localTag: 'Máy này',
    verifyButton: 'Kiểm tra toàn vẹn',
    verifying: 'Đang kiểm tra…',
    verifyOk: (checked: string) =>
      `Toàn vẹn: đã kiểm tra ${checked} sự kiện, không phát hiện sửa đổi`,
    verifyOkDetail: (origins: string, at: string) =>
      `${origins} chuỗi băm; kiểm tra lúc ${at}.`,
    verifyFailed: (problems: string, checked: string) =>
      `Phát hiện ${problems} vấn đề khi kiểm tra ${checked} sự kiện`,
    verifyFailedDetail: (at: string) =>
      `Dữ liệu có dấu hiệu bị sửa đổi ngoài ứng dụng. Kiểm tra lúc ${at}.`,
    problemsTitle: 'Các vấn đề phát hiện',
    colProblemSeq: 'Số thứ tự',
    colProblemKind: 'Loại vấn đề',
    colProblemMessage: 'Chi tiết',
  },
  problemKinds: {
    altered: 'Nội dung bị sửa',
    removed: 'Sự kiện bị xóa',
    reordered: 'Thứ tự bị đảo',
    inserted: 'Sự kiện bị chèn',
    broken_link: 'Đứt chuỗi băm',
    fork: 'Rẽ nhánh giữa hai bản sao',
    triggers_missing: 'Mất cơ chế chỉ-ghi-thêm',
    digest_mismatch: 'Không khớp mã xác thực',
    undecodable: 'Không đọc được dữ liệu',
  } as Record<string, string>,
  unknownProblemKind: (kind: string) => `Vấn đề khác (${kind})`,
} as const;

export function problemKindLabel(kind: string): string {
  return vi.problemKinds[kind] ?? vi.unknownProblemKind(kind);
}
