import { describe, expect, it } from "vitest";

import { parseInterviewContext } from "./interview-context";
import { createInterviewer } from "./interviewer";
import type { JeremyAction } from "./profile";

const spoken = (actions: JeremyAction[]) =>
  actions.map((action) => (action.kind === "say" ? action.text : `<${action.caption}>`)).join(" ");

describe("parseInterviewContext", () => {
  it("reads the documented context lines and keeps the rest as notes", () => {
    const facts = parseInterviewContext(
      "Company Name is XYZ Consult\nJob title is Customer Support Agent\nYour Name is Marvin\nCandidate Name is John Doe.\nPrefers mornings",
    );
    expect(facts).toEqual({
      candidateName: "John Doe",
      companyName: "XYZ Consult",
      jobTitle: "Customer Support Agent",
      interviewerName: "Marvin",
      notes: ["Prefers mornings"],
    });
  });

  it("accepts colons and any case, and defaults to Jeremy", () => {
    const facts = parseInterviewContext("candidate name: Ada Lovelace\nROLE: Engineer");
    expect(facts.candidateName).toBe("Ada Lovelace");
    expect(facts.jobTitle).toBe("Engineer");
    expect(facts.interviewerName).toBe("Jeremy");
    expect(parseInterviewContext(null).notes).toEqual([]);
  });
});

describe("interviewer profile", () => {
  it("greets the candidate with the context, then asks the first question", () => {
    const interviewer = createInterviewer(
      "Candidate Name is John Doe\nCompany Name is XYZ Consult\nJob title is Customer Support Agent",
    );
    const greeting = spoken(interviewer.greet());
    expect(greeting).toMatch(/^Hello John! I'm Jeremy from XYZ Consult\./);
    expect(greeting).toContain("Customer Support Agent position");
    expect(greeting).toContain("tell me a little about yourself");
  });

  it("asks one new question per turn, then closes politely, then stays polite", () => {
    const interviewer = createInterviewer(
      "Candidate Name is John Doe\nJob title is Analyst\nCompany Name is XYZ Consult",
    );
    interviewer.greet();
    const replies = Array.from({ length: 6 }, () => spoken(interviewer.reply({ text: "answer" })));
    expect(replies.slice(0, 4)).toEqual([
      "What draws you to the Analyst role at XYZ Consult?",
      "Tell me about a challenge you faced at work, and how you handled it.",
      "How do you keep your skills up to date?",
      "Finally, do you have any questions for me about the role or the team?",
    ]);
    expect(replies[4]).toMatch(/Thank you so much, John.*Goodbye!$/);
    expect(replies[5]).toMatch(/hang up whenever you're ready/);
    expect(new Set(replies).size).toBe(6);
  });

  it("lists every line it may say, so they can be synthesized in advance", () => {
    const interviewer = createInterviewer(null);
    const all = [interviewer.greet(), ...Array.from({ length: 6 }, () => interviewer.reply({}))]
      .flat()
      .map((action) => (action.kind === "say" ? action.text : ""));
    for (const line of all) expect(interviewer.scriptLines).toContain(line);
  });

  it("words its questions well without any context", () => {
    const interviewer = createInterviewer(null);
    interviewer.greet();
    expect(interviewer.reply({})).toEqual([{ kind: "say", text: "What draws you to this role?" }]);
  });

  it("asks about the first few topics of the conversation's knowledge, after what draws them to the role", () => {
    const interviewer = createInterviewer("Job title is Analyst", [
      "Responsibilities",
      "Requirements",
      "Benefits",
      "Travel",
    ]);
    interviewer.greet();
    const replies = Array.from({ length: 5 }, () => spoken(interviewer.reply({ text: "answer" })));
    expect(replies).toEqual([
      "What draws you to the Analyst role?",
      "The material I was given covers Responsibilities. What can you tell me about your experience with that?",
      "The material I was given covers Requirements. What can you tell me about your experience with that?",
      "The material I was given covers Benefits. What can you tell me about your experience with that?",
      "Tell me about a challenge you faced at work, and how you handled it.",
    ]);
    expect(interviewer.scriptLines).toContain(replies[1]);
  });
});
