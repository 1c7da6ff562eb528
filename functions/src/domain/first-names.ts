/**
 * Common given names (US Social Security and Latin American registers), capitalised in a quote
 * they are taken for a patient's or relative's name unless the practice has a staff member or
 * provider by that name. Names that are also everyday English or Spanish words (Will, May, June,
 * Grace, Hope, Joy, Mark, Bill, Rose, Dolores, Luz, Pilar, Rosario…) are left out: removing them would eat
 * ordinary words, and the phrase patterns ("my daughter …", "I'm …") still catch them.
 */
export const firstNames: readonly string[] = `
Aaron Abigail Adam Adrian Adriana Aiden Alan Albert Alberto Alejandra Alejandro Alex Alexa Alexander
Alexandra Alexis Alfredo Alice Alicia Allison Alma Alyssa Amanda Amber Amelia Amy Ana Andrea Andres
Andrew Angel Angela Angelica Anita Ann Anna Anne Anthony Antonio Ariana Arturo Ashley Austin Ava
Barbara Beatriz Benjamin Betty Beverly Brandon Brenda Brian Brittany Bruce Bryan Caleb Cameron Camila
Carla Carlos Carmen Carol Carolina Caroline Carolyn Catherine Cecilia Charles Charlotte Cheryl Chloe
Christian Christina Christine Christopher Cindy Claudia Cristina Cynthia Daniel Daniela Danielle David
Deborah Debra Denise Diana Diane Diego Donald Donna Dorothy Douglas Dylan Eduardo Edward Elena Elijah
Elizabeth Ella Emily Emma Enrique Eric Erica Erik Ernesto Esperanza Esteban Esther Ethan Eugene Evelyn
Fernando Frances Francisco Frank Gabriel Gabriela Gary George Gerardo Gloria Gregory Guadalupe
Guillermo Hannah Harold Heather Hector Helen Henry Hugo Ian Irene Isaac Isabel Isabella Ismael Ivan
Jack Jacob Jacqueline Jaime James Janet Janice Jason Javier Jeffrey Jennifer Jeremy Jerry Jesse Jessica
Jesus Joan Joaquin Joe Jonathan Jordan Jorge Jose Joseph Joshua Josue Juan Juana Judith Judy Julia
Julian Julie Julio Justin Karen Katherine Kathleen Kathryn Kayla Keith Kelly Kenneth Kevin Kimberly
Kyle Larry Laura Lauren Leonardo Liam Linda Lisa Logan Lorena Lori Lucas Lucia Luis Luisa Madison
Manuel Marco Marcos Margaret Maria Mariana Marie Marilyn Mario Marisol Marta Martha Martin Mary Mason
Matthew Megan Melissa Michael Michelle Miguel Monica Nancy Natalia Natalie Nathan Nicholas Nicole Noah
Noelia Olivia Oscar Pablo Pamela Patricia Patrick Paul Paula Pedro Peter Rachel Rafael Ramon Randy
Raquel Raul Rebecca Ricardo Richard Roberto Robert Rodrigo Roger Ronald Rosa Ruben Ruth Ryan Samantha
Samuel Sandra Santiago Sara Sarah Scott Sean Sebastian Sergio Sharon Shirley Silvia Sofia Sophia
Stephanie Stephen Steven Susan Teresa Theresa Thomas Timothy Tyler Valentina Valeria Vanessa Veronica
Victor Victoria Virginia Walter Wayne William Ximena Yolanda Zachary Zoe
`
  .split(/\s+/)
  .filter(Boolean)
