// Read an .ics file the way Thunderbird's parser does and print its events as JSON.
//
// Usage: node ics-events.mjs FILE
// Each VTIMEZONE in the file is registered first (as a calendar app does), so a TZID that has
// no VTIMEZONE stays floating and shows up in the output as `startZone: "floating"`.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function registerZones(calendar) {
  for (const component of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(component));
  }
}

function describeTime(time) {
  if (!time) {
    return null;
  }
  return {
    value: time.toString(),
    isDate: time.isDate,
    zone: time.zone ? time.zone.tzid : null,
    utc: time.isDate ? null : time.toJSDate().toISOString(),
  };
}

function describeEvent(component) {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    sequence: event.sequence,
    status: component.getFirstPropertyValue("status"),
    start: describeTime(event.startDate),
    end: describeTime(event.endDate),
    durationSeconds: event.duration ? event.duration.toSeconds() : null,
  };
}

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
registerZones(calendar);
const events = calendar.getAllSubcomponents("vevent").map(describeEvent);
const output = {
  name: calendar.getFirstPropertyValue("x-wr-calname"),
  version: calendar.getFirstPropertyValue("version"),
  events,
};
process.stdout.write(JSON.stringify(output, null, 2) + "\n");
