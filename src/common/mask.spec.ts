import { maskAddress, maskContact, maskIdNumber, maskName, maskPhone, revealTo } from './mask';

describe('mask', () => {
  it.each([
    ['张三明', '张*明'],
    ['张三', '张*'],
    ['张', '*'],
    ['欧阳小明', '欧**明'],
    [' 李四 ', '李*'],
    ['John Smith', 'J********h'],
    ['', '*'],
  ])('should mask the name %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['0411-84561234', '041******1234'],
    ['+8613812345678', '+86*******5678'],
    ['1234567', '*****67'],
    ['12', '**'],
  ])('should mask the phone %j as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['110101199003071234', '1101**********1234'],
    ['H12345678', 'H1*****78'],
    ['E1234567', 'E1****67'],
    ['A12345', '*****5'],
  ])('should mask the identity document number %j as %j', (number, masked) => {
    expect(maskIdNumber(number)).toBe(masked);
  });

  it('should keep only the first part of an address', () => {
    expect(maskAddress('大连市甘井子区泡崖街道岭南社区12号楼3单元501')).toBe('大连市甘井子区****');
    expect(maskAddress('岭南社区5号楼')).toBe('岭南****');
    expect(maskAddress('5号')).toBe('****');
  });

  it('should mask a contact as a phone when it has digits, else as a name', () => {
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('王小红')).toBe('王*红');
  });

  it('should reveal the full value only when asked and keep null as null', () => {
    expect(revealTo('13812345678', true, maskPhone)).toBe('13812345678');
    expect(revealTo('13812345678', false, maskPhone)).toBe('138****5678');
    expect(revealTo(null, false, maskPhone)).toBeNull();
  });
});
