// Reads a calendar file (.ics) from stdin and prints, as JSON, what Mozilla's ical.js makes of it: an independent
// reader for the files WithUs writes with Ical.Net (CalendarFileTests). Usage:
//   node parse-ics.mjs <path of src/WithUs.Web>  < meeting.ics
// Times are converted to UTC by ical.js itself, using the VTIMEZONE in the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const webProject = process.argv[2];
if (!webProject) {
  console.error('usage: node parse-ics.mjs <path of src/WithUs.Web> < file.ics');
  process.exit(2);
}

const packageDir = join(webProject, 'node_modules', 'ical.js');
let ICAL;
try {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  ICAL = (await import(pathToFileURL(join(packageDir, manifest.exports.import)).href)).default;
} catch (error) {
  console.error(`ical.js is not installed in ${packageDir} (build src/WithUs.Web, which runs npm ci): ${error.message}`);
  process.exit(3);
}

const bytes = readFileSync(0);
// Fails on bytes that are not UTF-8, rather than reading them as replacement characters.
const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);

// Physical lines, measured in octets. Every line, the last included, must end with CRLF.
const lines = [];
let from = 0;
let everyLineEndsWithCrlf = true;
for (let i = 0; i < bytes.length; i++) {
  if (bytes[i] === 0x0a) {
    if (i === 0 || bytes[i - 1] !== 0x0d) {
      everyLineEndsWithCrlf = false;
    }
    lines.push(bytes.subarray(from, i > from && bytes[i - 1] === 0x0d ? i - 1 : i));
    from = i + 1;
  } else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) {
    everyLineEndsWithCrlf = false;
  }
}
if (from < bytes.length) {
  everyLineEndsWithCrlf = false;
  lines.push(bytes.subarray(from));
}
const longestLineOctets = Math.max(0, ...lines.map((line) => line.length));

const calendar = new ICAL.Component(ICAL.parse(text));
const vevents = calendar.getAllSubcomponents('vevent');
if (vevents.length !== 1) {
  console.error(`expected one VEVENT, found ${vevents.length}`);
  process.exit(4);
}
const vevent = vevents[0];
const event = new ICAL.Event(vevent);

const utc = (time) => time.convertToZone(ICAL.Timezone.utcTimezone).toString();
const valarm = vevent.getFirstSubcomponent('valarm');
const trigger = valarm?.getFirstPropertyValue('trigger');

console.log(JSON.stringify({
  prodid: calendar.getFirstPropertyValue('prodid'),
  method: calendar.getFirstPropertyValue('method'),
  version: calendar.getFirstPropertyValue('version'),
  timezones: calendar.getAllSubcomponents('vtimezone').map((tz) => ({
    tzid: tz.getFirstPropertyValue('tzid'),
    parts: tz.getAllSubcomponents().map((part) => part.name),
  })),
  uid: event.uid,
  sequence: event.sequence,
  stamp: utc(vevent.getFirstPropertyValue('dtstamp')),
  summary: event.summary,
  description: event.description,
  location: event.location,
  url: vevent.getFirstPropertyValue('url'),
  status: vevent.getFirstPropertyValue('status'),
  start: utc(event.startDate),
  end: utc(event.endDate),
  // The zone ical.js used: "floating" would mean it did not find the zone's definition.
  startZone: event.startDate.zone.tzid,
  endZone: event.endDate.zone.tzid,
  // The TZID parameter as written.
  startTzid: vevent.getFirstProperty('dtstart').getParameter('tzid') ?? null,
  endTzid: vevent.getFirstProperty('dtend').getParameter('tzid') ?? null,
  alarm: valarm
    ? {
        action: valarm.getFirstPropertyValue('action'),
        description: valarm.getFirstPropertyValue('description'),
        trigger: trigger?.toString() ?? null,
        triggerSeconds: trigger instanceof ICAL.Duration ? trigger.toSeconds() : null,
      }
    : null,
  everyLineEndsWithCrlf,
  longestLineOctets,
  linesOver75Octets: lines.filter((line) => line.length > 75).length,
}));
