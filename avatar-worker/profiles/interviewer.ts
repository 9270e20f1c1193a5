import { parseInterviewContext, type InterviewContext } from "./interview-context";
import type { ConversationProfile, JeremyAction } from "./profile";

/** The questions, in order; `{theRole}` and `{atCompany}` are filled from the context. */
const QUESTIONS = [
  "To start, could you tell me a little about yourself and your background?",
  "What draws you to {theRole}{atCompany}?",
  "Tell me about a challenge you faced at work, and how you handled it.",
  "How do you keep your skills up to date?",
  "Finally, do you have any questions for me about the role or the team?",
];

/** Of the knowledge's topics, how many the interviewer asks about. */
export const TOPICS_ASKED = 3;

/**
 * The default profile: a friendly job interview. Jeremy greets the candidate using the
 * session context, asks one question per user turn, then closes politely. With knowledge bases
 * (`topics`: their section headings), he also asks about the first few of their topics, after
 * what draws the candidate to the role.
 */
export function createInterviewer(
  context: string | null,
  topics: readonly string[] = [],
): ConversationProfile {
  const facts = parseInterviewContext(context);
  const questions = QUESTIONS.map((question) => fill(question, facts));
  questions.splice(2, 0, ...topics.slice(0, TOPICS_ASKED).map(aboutTopic));
  const closing = closingLine(facts);
  const afterClosing = "Thanks again for your time. You can hang up whenever you're ready.";
  let asked = 0;

  return {
    scriptLines: [greetingLine(facts), ...questions, closing, afterClosing],

    greet: () => [say(greetingLine(facts)), say(questions[0] ?? closing)],

    reply() {
      asked += 1;
      const next = questions[asked];
      if (next !== undefined) return [say(next)];
      if (asked === questions.length) return [say(closing)];
      return [say(afterClosing)];
    },
  };
}

function greetingLine(facts: InterviewContext): string {
  const hello = facts.candidateName ? `Hello ${firstName(facts.candidateName)}!` : "Hello!";
  const from = facts.companyName ? ` from ${facts.companyName}` : "";
  const about = facts.jobTitle
    ? ` Thanks for coming in to talk about the ${facts.jobTitle} position.`
    : " Thanks for taking the time to talk with me today.";
  return `${hello} I'm ${facts.interviewerName}${from}.${about}`;
}

function closingLine(facts: InterviewContext): string {
  const name = facts.candidateName ? `, ${firstName(facts.candidateName)}` : "";
  return `That's all my questions. Thank you so much${name}, it was a pleasure talking with you. We'll be in touch soon. Goodbye!`;
}

function fill(question: string, facts: InterviewContext): string {
  return question
    .replace("{theRole}", facts.jobTitle ? `the ${facts.jobTitle} role` : "this role")
    .replace("{atCompany}", facts.companyName ? ` at ${facts.companyName}` : "");
}

function aboutTopic(topic: string): string {
  return `The material I was given covers ${topic}. What can you tell me about your experience with that?`;
}

function firstName(fullName: string): string {
  return fullName.split(/\s+/)[0] ?? fullName;
}

function say(text: string): JeremyAction {
  return { kind: "say", text };
}
