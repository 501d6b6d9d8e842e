import { coreMessages } from '../messages.js';
import { readInteger, readListItems, readNumber, valueParser, type ValueParser } from './value-parser.js';

const expected = coreMessages.expectedValue;

/** Each item read by `read`, or undefined when the list is empty or an item is not one. */
function readEach<T>(value: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  const items = readListItems(value);
  if (items === undefined || items.length === 0) return undefined;
  const values = items.map(read);
  return values.some((item) => item === undefined) ? undefined : (values as T[]);
}

/** A list of positive integers (`1,2,4` or `[1, 2, 4]`), sorted, without repeats. */
export const parsePositiveIntList = valueParser(expected.positiveIntList, (value) => {
  const numbers = readEach(value, (item) => readInteger(item, 1));
  return numbers && [...new Set(numbers)].sort((a, b) => a - b);
});

/** A list of positive numbers (`12,16`), in the order given. */
export const parsePositiveNumberList = valueParser(expected.positiveNumberList, (value) =>
  readEach(value, (item) => {
    const n = readNumber(item);
    return n !== undefined && n > 0 ? n : undefined;
  }),
);

/** A list of names (`node-pool,python3.13t`), in the order given, without repeats. */
export const parseNameList = valueParser(expected.nameList, (value) => {
  const names = readEach(value, (item) => (typeof item === 'string' && item !== '' ? item : undefined));
  return names && [...new Set(names)];
});

/** Some of `choices` (`svg,png`), in the order of `choices`, without repeats; undefined if any item is not one. */
export function readChoiceList<T extends string>(value: unknown, choices: readonly T[]): T[] | undefined {
  const items = readEach(value, (item) => ((choices as readonly unknown[]).includes(item) ? item : undefined));
  return items && choices.filter((choice) => items.includes(choice));
}

/** The parser of a list of some of `choices`; `what` says what it is ("a list of task types (cpu, io)"). */
export function choiceListParser<T extends string>(choices: readonly T[], what: string): ValueParser<T[]> {
  return valueParser(what, (value) => readChoiceList(value, choices));
}
