/**
 * Where a JSON syntax error is, as `file:line:column`, and its reason without V8's
 * "in JSON at position N" (or `file` and the reason as they are when V8 gives no position).
 */
export function jsonSyntaxError(file: string, text: string, message: string): { where: string; reason: string } {
  const match = / in JSON at position (\d+)/.exec(message);
  if (!match) return { where: file, reason: message };
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { where: `${file}:${line}:${column}`, reason: message.replace(/ in JSON at position \d+.*$/s, '') };
}
