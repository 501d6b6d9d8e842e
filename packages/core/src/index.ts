export { ERROR_CODES, PoolscopeError, isPoolscopeError } from './errors.js';
export { coreMessages } from './messages.js';

export { cells, INVALID } from './schema/cells.js';
export { defineCsvSchema } from './schema/csv-schema.js';
export { timingSchema, TIMING_COLUMNS, TASK_TYPES, TIMING_STATUSES } from './schema/timing.js';
export { profileSchema, PROFILE_COLUMNS, FUNCTION_CATEGORIES } from './schema/profile.js';
export { hostInfoSchema, interpreterInfoSchema, hostId } from './schema/host.js';

export { readCsvRows, readCsvBatches, readRecords, readRecordBatches, readAllRecords, locateColumns, assertReadableFile } from './csv/read.js';
export { CsvAppender, formatCsvLine } from './csv/append.js';
export { writeFileAtomic } from './fs/write-atomic.js';
export { syncDirectory } from './fs/sync-directory.js';
export { fsErrorReason } from './fs/fs-error-reason.js';
export { seededRandom } from './random/seeded-random.js';
export { valueParser, readInteger, withHint } from './options/value-parser.js';
export { parsePositiveInt, parseNonNegativeInt, parseSeed, parseSeconds, parseFraction } from './options/numbers.js';
export { parsePositiveIntList, parsePositiveNumberList, parseNameList, readChoiceList, choiceListParser } from './options/lists.js';
export { choiceParser, parseBoolean } from './options/choices.js';
export { collectHostInfo, countPhysicalCores } from './host/collect.js';
export { readHostInfo, writeHostInfo } from './host/io.js';
export { runDirectory, analysisFiles, hostFiles, isTimingsFile, HOST_FILE } from './layout/run-directory.js';

export type { ErrorCode, PoolscopeErrorOptions } from './errors.js';
export type { CellKind } from './schema/cells.js';
export type { CsvSchema, Decoded, FieldProblem } from './schema/csv-schema.js';
export type { TaskType, TimingStatus, TimingRecord, TimingOk, TimingFailed } from './schema/timing.js';
export type { FunctionCategory, ProfileRecord } from './schema/profile.js';
export type { HostInfo, InterpreterInfo } from './schema/host.js';
export type { Random } from './random/seeded-random.js';
export type { ValueParser } from './options/value-parser.js';
export type { CsvRow, LocatedRecord, ReadRecordsOptions } from './csv/read.js';
export type { RunDirectory } from './layout/run-directory.js';
