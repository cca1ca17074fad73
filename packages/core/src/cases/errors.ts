import { TongbanError } from '../errors/tongban-error.js';
import type { Unit } from './case-event.js';

/**
 * A step not allowed in the case's current state, or by the unit that tried it (seed 000 tables 1-3: each stage
 * has its responsible unit). Nothing is changed.
 */
export class TransitionError extends TongbanError {
  readonly state: string;
  readonly eventType: string;
  readonly unitExpected: readonly Unit[];
  readonly unitGiven: Unit;

  constructor(input: {
    caseId: string;
    mode: string;
    state: string;
    eventType: string;
    unitExpected: readonly Unit[];
    unitGiven: Unit;
    allowedHere: readonly string[];
  }) {
    const wrongUnit = input.unitExpected.length > 0;
    // closed states still take filing steps (archive, note, refusalFeedback): closed is by state, not by steps left
    const closed =
      input.allowedHere.length === 0 ||
      ['archived', 'proxyRefused', 'refused', 'withdrawn', 'terminated'].includes(input.state);
    const message = wrongUnit
      ? `"${input.eventType}" in state "${input.state}" (${input.mode}) must be done by ${input.unitExpected.join(' or ')}, not by ${input.unitGiven}`
      : `"${input.eventType}" is not allowed in state "${input.state}" of a ${input.mode} case (tried by ${input.unitGiven})${closed ? '; the case is closed' : ''}`;
    super('CASE_TRANSITION', message, {
      where: { caseId: input.caseId, state: input.state, event: input.eventType, unit: input.unitGiven },
      hint: wrongUnit
        ? `ask ${input.unitExpected.join(' or ')} to perform this step (seed 000 tables 1-3 name the responsible unit)`
        : closed
          ? `the case is closed; open a new application instead${input.allowedHere.length > 0 ? ` (only ${input.allowedHere.join(', ')} remain)` : ''}`
          : `in state "${input.state}" the next steps are: ${input.allowedHere.join(', ')}`,
    });
    this.state = input.state;
    this.eventType = input.eventType;
    this.unitExpected = input.unitExpected;
    this.unitGiven = input.unitGiven;
  }
}

/** The step is allowed here but its data breaks a rule of the seeds (reasons missing, material not tolerable...). */
export class CaseRuleError extends TongbanError {
  constructor(caseId: string, eventType: string, message: string, hint: string, field?: string) {
    super('CASE_RULE', message, { where: { caseId, event: eventType, field }, hint });
  }
}
