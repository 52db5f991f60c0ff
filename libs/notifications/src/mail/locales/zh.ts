import type { Messages } from './en.js';

export const zh: Messages = {
  greeting: '{{name}}，您好：',
  signature: '谨致慰问\nNext of Kin 家属服务',
  acknowledgement: {
    subject: '您的申请 {{reference}}：请确认您的电子邮件地址',
    received: '我们已收到您关于 {{subject}} 账户的申请 {{reference}}。',
    confirm: '请确认此电子邮件地址属于您本人，以便我们开始审核：',
    holdEnds: '请在 {{days}} 天内确认您的邮箱地址，否则对该账户数据的保留将于 {{date}} 结束。',
    code: '您也可以在申请页面输入以下确认码：',
  },
  deficiency: {
    subject: '您的申请 {{reference}}：我们还需要您提供材料',
    intro: '为继续处理您的申请 {{reference}}，我们需要您提供以下材料：',
    missing: '仍缺少：{{items}}',
  },
  decision: {
    approvedSubject: '您的申请 {{reference}} 已获批准',
    rejectedSubject: '您的申请 {{reference}} 未能获得批准',
    approved: '您的申请 {{reference}} 已获批准。{{reason}}',
    rejected: '很遗憾，我们未能批准您的申请 {{reference}}。原因：{{reason}}',
    appeal: '您可以在 30 天内通过申请页面提出申诉。',
  },
  deadline: {
    subject: '您的申请 {{reference}}：账户数据面临丢失风险',
    body: '如不采取进一步措施，{{subject}} 账户的数据将于 {{date}}（{{days}} 天后）丢失。',
    act: '请尽快提交仍缺少的材料。',
  },
  quarantine: {
    subject: '您的申请 {{reference}}：有一个文件无法接收',
    body: '您为申请 {{reference}} 提交的文件“{{file}}”含有病毒或其他有害软件。我们已将其隔离，任何人都不会打开它。',
    act: '请重新提交一份干净的副本：纸质文件的新扫描件或照片。',
  },
  status: '查看申请进度：{{link}}',
};
