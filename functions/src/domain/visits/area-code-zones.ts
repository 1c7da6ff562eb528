/**
 * The IANA time zones each North American (NANP) area code covers, for the send window: a text may
 * only go out between 8 a.m. and 8 p.m. where the patient is, and a mobile number's area code is
 * the best guess of where that is that we have without asking. An area code that spans zones lists
 * every zone it spans, so the send window can take the strictest intersection (the hours that are
 * inside 8 a.m.-8 p.m. in all of them).
 *
 * Source: NANPA's public list of area codes in service and planned overlays (nanpa.com, "Area Code
 * Maps" and "NPA Database"), with each state's time-zone boundaries from 49 CFR Part 71 (the US
 * Department of Transportation's time-zone rules) and the tz database's zone comments. Written from
 * that knowledge on a machine without internet (December 2026): a code opened after that is simply
 * absent, and `zoneOfNumber` then answers undefined so the caller falls back to the practice's time
 * zone. Non-geographic codes (800, 833, 844, 855, 866, 877, 888, 500s, 600, 700, 900) are absent on
 * purpose: they say nothing about where a person is.
 *
 * Zones are canonical names that `Intl.supportedValuesOf('timeZone')` lists on Node 20 (so
 * `America/New_York` stands for Indiana's and Kentucky's Eastern counties; the rules are the same).
 * Where a community keeps a neighbouring zone's clock unofficially (Phenix City, Alabama; Kenton,
 * Oklahoma; West Wendover and Jackpot, Nevada) that zone is listed too: waiting for the later clock
 * costs an hour, texting a patient at 7 a.m. breaks the rule.
 */

const eastern = 'America/New_York'
const michigan = 'America/Detroit'
const central = 'America/Chicago'
/** Michigan's four Upper Peninsula counties on the Wisconsin border keep Central time. */
const michiganCentral = 'America/Menominee'
const mountain = 'America/Denver'
/** Southern Idaho and Oregon's Malheur County: Mountain time, with DST. */
const boise = 'America/Boise'
/** Arizona keeps Mountain Standard Time all year (the Navajo Nation, which moves its clocks, excepted). */
const arizona = 'America/Phoenix'
const pacific = 'America/Los_Angeles'
const alaska = 'America/Anchorage'
/** The Aleutian Islands west of 169.5° W: Hawaii-Aleutian time, with DST. */
const aleutian = 'America/Adak'
/** Hawaii keeps Hawaii-Aleutian Standard Time all year. */
const hawaii = 'Pacific/Honolulu'
const atlanticNoDst = 'America/Puerto_Rico'

/** Canadian zones (Canada shares +1 with the US; its patients may be a US practice's too). */
const vancouver = 'America/Vancouver'
const edmonton = 'America/Edmonton'
/** Dawson Creek and Fort St. John (British Columbia) keep Mountain Standard Time all year. */
const dawsonCreek = 'America/Dawson_Creek'
/** Creston (British Columbia) keeps Mountain Standard Time all year. */
const creston = 'America/Creston'
/** Saskatchewan keeps Central Standard Time all year. */
const regina = 'America/Regina'
const winnipeg = 'America/Winnipeg'
const toronto = 'America/Toronto'
const halifax = 'America/Halifax'
const moncton = 'America/Moncton'
const stJohns = 'America/St_Johns'
const gooseBay = 'America/Goose_Bay'
/** Quebec's Lower North Shore east of 63° W keeps Atlantic Standard Time all year. */
const blancSablon = 'America/Blanc-Sablon'

/** `zonesOf([central], '205 251')`: codes as one space-separated string, to keep the table short. */
const zonesOf = (zones: readonly string[], codes: string) =>
  codes.split(' ').map((code) => [code, zones] as const)

/**
 * The table as written, one entry per code: kept as a list so a test can see that no code is
 * written twice (an object literal would silently keep the last).
 */
export const areaCodeEntries: readonly (readonly [string, readonly string[]])[] = [
  // Alabama: Central; Phenix City (334) keeps Columbus, Georgia's Eastern clock unofficially.
  ...zonesOf([central], '205 251 256 659 938'),
  ...zonesOf([central, eastern], '334 483'),
  // Alaska: Alaska time, the western Aleutians Hawaii-Aleutian.
  ...zonesOf([alaska, aleutian], '907'),
  // Arizona: no DST, except the Navajo Nation in the north-east (928), which keeps Mountain DST.
  ...zonesOf([arizona], '480 520 602 623'),
  ...zonesOf([arizona, mountain], '928'),
  // Arkansas
  ...zonesOf([central], '327 479 501 870'),
  // California
  ...zonesOf(
    [pacific],
    '209 213 279 310 323 341 350 357 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 738 747 760 805 818 820 840 858 909 916 925 949 951',
  ),
  // Colorado
  ...zonesOf([mountain], '303 719 720 970 983'),
  // Connecticut, Delaware, District of Columbia
  ...zonesOf([eastern], '203 475 860 959 302 202 771'),
  // Florida: Eastern, except the western panhandle (Pensacola, Panama City) on Central (850, 448).
  ...zonesOf(
    [eastern],
    '239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954',
  ),
  ...zonesOf([eastern, central], '448 850'),
  // Georgia
  ...zonesOf([eastern], '229 404 470 478 678 706 762 770 912 943'),
  // Hawaii: no DST.
  ...zonesOf([hawaii], '808'),
  // Idaho: Mountain in the south, Pacific in the panhandle (one state-wide code and its overlay).
  ...zonesOf([boise, pacific], '208 986'),
  // Illinois
  ...zonesOf([central], '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872'),
  // Indiana: Eastern, except the north-west (Gary, 219; Starke County, 574) and the south-west
  // (Evansville, 812 and 930) on Central.
  ...zonesOf([eastern], '260 317 463 765'),
  ...zonesOf([central, eastern], '219 574 812 930'),
  // Iowa
  ...zonesOf([central], '319 515 563 641 712'),
  // Kansas: Central, four western counties (Greeley, Hamilton in 620; Sherman, Wallace in 785) Mountain.
  ...zonesOf([central], '316 913'),
  ...zonesOf([central, mountain], '620 785'),
  // Kentucky: western half Central (270, 364), the east Eastern; a few south-eastern counties in 606
  // (Wayne, Clinton, Russell) Central.
  ...zonesOf([eastern], '502 859'),
  ...zonesOf([central, eastern], '270 364 606'),
  // Louisiana
  ...zonesOf([central], '225 318 337 504 985'),
  // Maine, Maryland, Massachusetts
  ...zonesOf([eastern], '207 227 240 301 410 443 667 339 351 413 508 617 774 781 857 978'),
  // Michigan: Eastern, four Upper Peninsula counties (906) Central.
  ...zonesOf([michigan], '231 248 269 313 517 586 616 679 734 810 947 989'),
  ...zonesOf([michigan, michiganCentral], '906'),
  // Minnesota, Mississippi, Missouri
  ...zonesOf(
    [central],
    '218 320 507 612 651 763 924 952 228 601 662 769 235 314 417 557 573 636 660 816 975',
  ),
  // Montana
  ...zonesOf([mountain], '406'),
  // Nebraska: Central, the west (308) partly Mountain.
  ...zonesOf([central], '402 531'),
  ...zonesOf([central, mountain], '308'),
  // Nevada: Pacific; West Wendover (Mountain, officially) and Jackpot (unofficially) in 775.
  ...zonesOf([pacific], '702 725'),
  ...zonesOf([pacific, mountain], '775'),
  // New Hampshire, New Jersey
  ...zonesOf([eastern], '603 201 551 609 640 732 848 856 862 908 973'),
  // New Mexico
  ...zonesOf([mountain], '505 575'),
  // New York
  ...zonesOf(
    [eastern],
    '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934',
  ),
  // North Carolina
  ...zonesOf([eastern], '252 336 472 704 743 828 910 919 980 984'),
  // North Dakota: Central, the south-west Mountain.
  ...zonesOf([central, mountain], '701'),
  // Ohio
  ...zonesOf([eastern], '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937'),
  // Oklahoma: Central; Kenton, in the panhandle (580), keeps Mountain time unofficially.
  ...zonesOf([central], '405 539 572 918'),
  ...zonesOf([central, mountain], '580'),
  // Oregon: Pacific, most of Malheur County (541, 458) Mountain.
  ...zonesOf([pacific], '503 971'),
  ...zonesOf([pacific, boise], '458 541'),
  // Pennsylvania
  ...zonesOf([eastern], '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878'),
  // Rhode Island, South Carolina
  ...zonesOf([eastern], '401 803 821 839 843 854 864'),
  // South Dakota: Central east of the Missouri river, Mountain west of it.
  ...zonesOf([central, mountain], '605'),
  // Tennessee: Central in the west and middle, Eastern in the east; some south-eastern counties in
  // 423 (Marion, Sequatchie, Bledsoe) Central.
  ...zonesOf([central], '615 629 731 901 931'),
  ...zonesOf([eastern], '865'),
  ...zonesOf([eastern, central], '423'),
  // Texas: Central, El Paso (915) and Hudspeth and Culberson counties (915, 432) Mountain.
  ...zonesOf(
    [central],
    '210 214 254 281 325 346 361 409 430 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979',
  ),
  ...zonesOf([central, mountain], '432'),
  ...zonesOf([mountain], '915'),
  // Utah
  ...zonesOf([mountain], '385 435 801'),
  // Vermont, Virginia, West Virginia
  ...zonesOf([eastern], '802 276 434 540 571 686 703 757 804 826 948 304 681'),
  // Washington
  ...zonesOf([pacific], '206 253 360 425 509 564'),
  // Wisconsin
  ...zonesOf([central], '262 274 353 414 534 608 715 920'),
  // Wyoming
  ...zonesOf([mountain], '307'),
  // US territories: Puerto Rico and the US Virgin Islands (Atlantic, no DST), Guam and the Northern
  // Mariana Islands (Chamorro time), American Samoa.
  ...zonesOf([atlanticNoDst], '787 939 340'),
  ...zonesOf(['Pacific/Guam'], '671 670'),
  ...zonesOf(['Pacific/Pago_Pago'], '684'),

  // Canada
  // British Columbia: the Lower Mainland (604) Pacific; the rest of the province (250 and the
  // province-wide overlays) also covers the Mountain-time East Kootenay and the places that keep
  // Mountain Standard Time all year.
  ...zonesOf([vancouver], '604'),
  ...zonesOf([vancouver, edmonton, dawsonCreek, creston], '236 250 257 672 778'),
  // Alberta
  ...zonesOf([edmonton], '368 403 587 780 825'),
  // Saskatchewan: no DST; Lloydminster keeps Alberta's clock.
  ...zonesOf([regina, edmonton], '306 474 639'),
  // Manitoba
  ...zonesOf([winnipeg], '204 431 584'),
  // Ontario: Eastern; north-western Ontario (807, Kenora) Central.
  ...zonesOf([toronto], '226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 905 942'),
  ...zonesOf([toronto, winnipeg], '807'),
  // Quebec: Eastern; eastern Quebec (418, 581, 367) includes the Magdalen Islands (Atlantic) and
  // the Lower North Shore (Atlantic Standard Time all year).
  ...zonesOf([toronto], '263 354 438 450 468 514 579 819 873'),
  ...zonesOf([toronto, halifax, blancSablon], '367 418 581'),
  // New Brunswick, Nova Scotia and Prince Edward Island
  ...zonesOf([moncton], '428 506'),
  ...zonesOf([halifax], '782 902'),
  // Newfoundland and Labrador: Newfoundland time; most of Labrador Atlantic.
  ...zonesOf([stJohns, gooseBay], '709 879'),
  // Yukon, Northwest Territories, Nunavut (one code across five zones).
  ...zonesOf(
    [
      'America/Whitehorse',
      edmonton,
      'America/Cambridge_Bay',
      'America/Rankin_Inlet',
      'America/Iqaluit',
    ],
    '867',
  ),
]

/** Area code (three digits) → every time zone it covers. */
export const areaCodeZones: Readonly<Record<string, readonly string[]>> =
  Object.fromEntries(areaCodeEntries)

/**
 * Area codes of Florida and of Oklahoma, whose telephone-solicitation laws (Florida Statutes
 * § 501.059, Oklahoma's Telephone Solicitation Act of 2022) set their own calling hours (8 a.m. to
 * 8 p.m.) and a cap of three messages in 24 hours on one subject.
 */
export const floridaAreaCodes: ReadonlySet<string> = new Set(
  '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954'.split(
    ' ',
  ),
)
export const oklahomaAreaCodes: ReadonlySet<string> = new Set('405 539 572 580 918'.split(' '))
