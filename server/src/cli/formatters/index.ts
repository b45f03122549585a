import type { FormatName } from '../args';
import { github } from './github';
import { createJsonFormatter } from './json';
import { createReviewFormatter } from './review';
import { createSarifFormatter } from './sarif';
import { stylish } from './stylish';
import { summary } from './summary';
import type { Formatter } from './types';

export type { Formatter, FormatContext } from './types';

export function createFormatter(name: FormatName): Formatter {
  switch (name) {
    case 'json':
      return createJsonFormatter();
    case 'sarif':
      return createSarifFormatter();
    case 'github':
      return github;
    case 'summary':
      return summary;
    case 'review':
      return createReviewFormatter();
    default:
      return stylish;
  }
}
