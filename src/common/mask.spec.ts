import { maskName, maskPhone } from './mask';

describe('mask', () => {
  it.each([
    ['张三明', '张*明'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['张', '*'],
    ['  李四  ', '李*'],
    ['', '*'],
    ['𠀀三明', '𠀀*明'],
  ])('should mask the name %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['041184123456', '041*****3456'],
    ['1234567', '*****67'],
    ['1234', '****'],
  ])('should mask the phone %j as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
