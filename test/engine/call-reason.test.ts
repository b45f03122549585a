/**
 * What counts as a reason for a call: families of wording, shared by the
 * call opener, voicemail and structure checks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statesReason, isReasonLabel, opensCall } from '../../server/src/engine/read/call-reason';

describe('how a call opens', () => {
  it('opens with a greeting in any English, or with the rep’s own name', () => {
    for (const line of ['G’day, is that Leanne? Jono from Kestrel Cover.', 'Morning Priya, it’s Tom.', 'Jono here from Kestrel Cover.', 'This is Sam with Acme.', 'Hi {{first_name}}, {{rep_name}} at Acme.']) assert.ok(opensCall(line), line);
    for (const line of ['So what does your fleet look like today?', 'Is anyone here responsible for payroll?']) assert.ok(!opensCall(line), line);
  });
});

describe('call reasons', () => {
  it('finds a reason in each family', () => {
    for (const line of [
      'The reason for today: you wanted to look at the Eastfield visits.',
      'Why I’m calling: your team posted four technician roles.',
      'I’m ringing about the Reno site.',
      'You downloaded our dock checklist last week.',
      'Congrats on the Series B.',
      'Dana Ortiz suggested I give you a call.',
      'Since we spoke at the expo, I had an idea for your yard.',
      'I’m calling with a quick idea for your dispatch board.',
      'It is {{trigger_event}} that made me call.',
      'Your support team switched to a new ticketing tool in May.',
      'You’re opening a second warehouse in Tucson, from what I read.',
      'One thing worth a callback: the freight rates change on the first.',
      'Two of your depots still rely on paper delivery notes.',
      'I’ve written up Tuesday’s boiler survey at Harlow, including the two leaks we found.',
      'We’ve priced up the roof repairs for your Leeds depot.',
      'The reason I rang is the new tariff.',
    ])
      assert.equal(statesReason(line), true, line);
  });
  it('does not take an introduction or small talk for a reason', () => {
    for (const line of [
      'Hi Marco, this is Priya with Tidewell. Tidewell is a field-service platform founded in 2016.',
      'Hi Sandra, it is Leo from Tallyhouse. Catch you at an awkward moment?',
      'How is your week shaping up?',
      'I just wanted to introduce myself.',
      'We just launched a new version of our platform.',
      'Your time matters, so I will keep this short.',
      'Is your week still busy?',
      'We’ve put together a new brochure for the spring.',
    ])
      assert.equal(statesReason(line), false, line);
  });
  it('reads a "Reason:" label', () => {
    assert.equal(isReasonLabel('Reason for calling'), true);
    assert.equal(isReasonLabel('Prospect'), false);
  });
});
