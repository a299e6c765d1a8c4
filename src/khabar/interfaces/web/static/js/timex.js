// TIMEX3 values (the times layer's "value") said in Arabic words, for people: "2016-10-25" is
// "٢٥ أكتوبر ٢٠١٦", "REF-P1W" "قبل أسبوع من تاريخ النشر", "XXXX-WXX-2" "يوم ثلاثاء (لم يُحدَّد تاريخه)".
// No code a reader would have to decode is ever shown. (Until the times stage ships its own renderer.)

const WEEKDAYS = ["", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]; // ISO 1..7
const MONTHS = ["", "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const HIJRI_MONTHS = ["", "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
  "رمضان", "شوال", "ذو القعدة", "ذو الحجة"];
const DAY_PARTS = { MO: "صباح", MI: "منتصف نهار", AF: "بعد ظهر", EV: "مساء", NI: "ليلة", DT: "نهار" };
const SEASONS = { SP: "ربيع", SU: "صيف", FA: "خريف", WI: "شتاء" };
// [one, two, three to ten, eleven and more]
const UNITS = {
  Y: ["سنة", "سنتين", "سنوات", "سنة"], M: ["شهر", "شهرين", "أشهر", "شهرًا"], W: ["أسبوع", "أسبوعين", "أسابيع", "أسبوعًا"],
  D: ["يوم", "يومين", "أيام", "يومًا"], H: ["ساعة", "ساعتين", "ساعات", "ساعة"], MIN: ["دقيقة", "دقيقتين", "دقائق", "دقيقة"],
  S: ["ثانية", "ثانيتين", "ثوانٍ", "ثانية"], DE: ["عقد", "عقدين", "عقود", "عقدًا"], CE: ["قرن", "قرنين", "قرون", "قرنًا"],
};
const EVERY = { Y: "سنويًا", M: "شهريًا", W: "أسبوعيًا", D: "يوميًا", H: "كل ساعة" };
const VAGUE = { PRESENT_REF: "الآن", PAST_REF: "في الماضي", FUTURE_REF: "في المستقبل" };
const NO_YEAR = "(لم تُحدَّد السنة)";
const FROM_PUBLICATION = "من تاريخ النشر";

const digits = new Intl.NumberFormat("ar", { useGrouping: false });
const two = new Intl.NumberFormat("ar", { useGrouping: false, minimumIntegerDigits: 2 });
const n = (value) => digits.format(Number(value));

/** "3 أيام", "يومان"... an amount of a unit said the Arabic way. */
function amount(count, unit) {
  const forms = UNITS[unit];
  if (!forms) return `${n(count)}`;
  if (count === "X") return forms[2];
  const value = Number(count);
  if (value === 1) return forms[0];
  if (value === 2) return forms[1];
  if (value >= 3 && value <= 10) return `${n(value)} ${forms[2]}`;
  return `${n(value)} ${forms[3]}`;
}

/** The unit and count of an ISO 8601 period ("P3D", "PT2H", "P1W", "PXW"), or null. */
function period(text) {
  const match = /^P(T?)(\d+(?:\.\d+)?|X)(Y|M|W|D|H|S|DE|CE)$/.exec(text);
  if (!match) return null;
  const unit = match[1] && match[3] === "M" ? "MIN" : match[3];
  return { count: match[2], unit };
}

function calendarDate(year, month, day) {
  const parts = [];
  if (day) parts.push(n(day));
  if (month) parts.push(MONTHS[Number(month)] || n(month));
  if (year) parts.push(month || day ? n(year) : `عام ${n(year)}`);
  return parts.join(" ");
}

function dateWords(value) {
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T(MO|MI|AF|EV|NI|DT|(\d{2}):(\d{2})))?/.exec(value);
  if (match) {
    const day = calendarDate(match[1], match[2], match[3]);
    if (match[5]) return `${day}، الساعة ${n(match[5])}:${two.format(Number(match[6]))}`;
    return match[4] ? `${DAY_PARTS[match[4]]} ${day}` : day;
  }
  if ((match = /^(\d{4})-W(\d{2})$/.exec(value))) return `الأسبوع ${n(match[2])} من عام ${n(match[1])}`;
  if ((match = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[match[2]]} ${n(match[1])}`;
  if ((match = /^(\d{4})-(\d{2})$/.exec(value))) return calendarDate(match[1], match[2]);
  if ((match = /^(\d{4})$/.exec(value))) return calendarDate(match[1]);
  if ((match = /^(\d{3})X$/.exec(value))) return `عقد ${n(match[1] + "0")}`;
  if ((match = /^(\d{2})XX$/.exec(value))) return `القرن ${n(Number(match[1]) + 1)}`;
  return null;
}

function unanchoredWords(value) {
  let match = /^XXXX-WXX-([1-7])$/.exec(value);
  if (match) return `يوم ${WEEKDAYS[Number(match[1])]} ${"(لم يُحدَّد تاريخه)"}`;
  if ((match = /^XXXX-(\d{2})-(\d{2})$/.exec(value))) return `${calendarDate(null, match[1], match[2])} ${NO_YEAR}`;
  if ((match = /^XXXX-(\d{2})$/.exec(value))) return `${MONTHS[Number(match[1])]} ${NO_YEAR}`;
  if ((match = /^H(\d{4}|XXXX)-(\d{2})(?:-(\d{2}))?$/.exec(value))) {
    const month = `${match[3] ? n(match[3]) + " " : "شهر "}${HIJRI_MONTHS[Number(match[2])]}`;
    return match[1] === "XXXX" ? `${month} ${NO_YEAR}` : `${month} ${n(match[1])} هـ`;
  }
  if ((match = /^H(\d{4})$/.exec(value))) return `عام ${n(match[1])} هـ`;
  if (value === "REF") return `يوم النشر`;
  if ((match = /^REF([+-])(P.+)$/.exec(value))) {
    const p = period(match[2]);
    if (p) return `${match[1] === "-" ? "قبل" : "بعد"} ${amount(p.count, p.unit)} ${FROM_PUBLICATION}`;
  }
  return null;
}

function durationWords(value) {
  const p = period(value);
  if (p) return `مدة ${amount(p.count, p.unit)}`;
  const parts = [...value.matchAll(/(\d+)([YMWDHS])/g)];
  return parts.length ? `مدة ${parts.map(([, count, unit]) => amount(count, unit)).join(" و")}` : null;
}

function setWords(value) {
  const p = period(value);
  if (!p) return null;
  if (Number(p.count) === 1 && EVERY[p.unit]) return EVERY[p.unit];
  return `كل ${amount(p.count, p.unit)}`;
}

/** A TIMEX3 value said in Arabic words; ``resolved`` false adds that the date could not be fixed. */
export function timexWords(value, type = "DATE") {
  if (!value) return "تعبير زمني";
  if (VAGUE[value]) return VAGUE[value];
  const said = (type === "DURATION" ? durationWords(value) : type === "SET" ? setWords(value) : null)
    ?? dateWords(value) ?? unanchoredWords(value) ?? durationWords(value);
  return said || "تعبير زمني لم تُحدَّد قيمته";
}
