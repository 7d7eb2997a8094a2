import type { Category } from '../glossary/schema';
import { type MessageKey, t } from '../i18n/i18n';

const CATEGORY_NAMES: Readonly<Record<Category, MessageKey>> = {
  foundations: 'categoryFoundations',
  principles: 'categoryPrinciples',
  data: 'categoryData',
  governance: 'categoryGovernance',
  practice: 'categoryPractice',
};

/** A glossary category as readers see it: "Principles". */
export const categoryName = (category: Category) => t(CATEGORY_NAMES[category]);
