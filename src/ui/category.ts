import type { Category } from '../glossary/schema';
import type { MessageKey } from '../i18n/translate';

const CATEGORY_NAMES: Readonly<Record<Category, MessageKey>> = {
  foundations: 'categoryFoundations',
  principles: 'categoryPrinciples',
  data: 'categoryData',
  governance: 'categoryGovernance',
  practice: 'categoryPractice',
};

/** The message that names a glossary category as readers see it: "Principles". */
export const categoryMessage = (category: Category): MessageKey => CATEGORY_NAMES[category];
