/**
 * Around graduation (from 1 March of the graduation year to the end of the next year) the 我的
 * page points at 去向登记; the page itself asks exactly (the server knows the last report).
 */
export function destinationDue(graduationYear: number, today: Date = new Date()): boolean {
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
  return day >= `${graduationYear}-03-01` && day <= `${graduationYear + 1}-12-31`
}
