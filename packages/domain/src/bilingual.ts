/** A text in the two languages of the interface: Chinese first (zh-CN), English second (PRODUCT.md). */
export interface Bilingual {
  zh: string;
  en: string;
}
