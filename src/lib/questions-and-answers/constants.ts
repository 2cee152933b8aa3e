/** Request context key: the asker's details of the question a proposal comes from, checked against its words. */
export const SOURCE_QUESTION = 'questionsAndAnswers.sourceQuestion'

/** The published question is a heading people scan, not the asker's full message. */
export const PUBLISHED_QUESTION_MAX = 300
